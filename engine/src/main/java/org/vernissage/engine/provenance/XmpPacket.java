package org.vernissage.engine.provenance;

/**
 * The XMP packet of a {@link Provenance}: Dublin Core's title and creator (the artwork and the
 * artist), XMP's CreatorTool (the engine and its version), IPTC's DigitalSourceType and, from IPTC
 * Photo Metadata 2025.1, AISystemUsed and AISystemVersionUsed (the engine, when models took part),
 * and the models with their card digests in Vernissage's own namespace. No prompt, no visitor data.
 *
 * <p>Stateless; any thread.
 */
public final class XmpPacket {

    /** Vernissage's namespace for what IPTC has no field for (the models and their cards). */
    public static final String NAMESPACE = "https://vernissage.art/ns/provenance/1.0/";

    private XmpPacket() {
    }

    /** The packet as XML text, wrapped in the xpacket processing instructions. */
    public static String of(Provenance provenance) {
        StringBuilder xml = new StringBuilder(1024);
        xml.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
                .append(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
                .append("  <rdf:Description rdf:about=\"\"\n")
                .append("    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n")
                .append("    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n")
                .append("    xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\"\n")
                .append("    xmlns:vernissage=\"").append(NAMESPACE).append("\">\n");
        xml.append("   <xmp:CreatorTool>").append(escape("Vernissage " + provenance.engineVersion()))
                .append("</xmp:CreatorTool>\n");
        provenance.source().uri().ifPresent(uri -> {
            xml.append("   <Iptc4xmpExt:DigitalSourceType>").append(escape(uri)).append("</Iptc4xmpExt:DigitalSourceType>\n");
            xml.append("   <Iptc4xmpExt:AISystemUsed>Vernissage</Iptc4xmpExt:AISystemUsed>\n");
            xml.append("   <Iptc4xmpExt:AISystemVersionUsed>").append(escape(provenance.engineVersion()))
                    .append("</Iptc4xmpExt:AISystemVersionUsed>\n");
        });
        xml.append("   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(escape(provenance.artworkTitle()))
                .append("</rdf:li></rdf:Alt></dc:title>\n");
        xml.append("   <dc:creator><rdf:Seq><rdf:li>").append(escape(provenance.artist()))
                .append("</rdf:li></rdf:Seq></dc:creator>\n");
        if (!provenance.models().isEmpty()) {
            xml.append("   <vernissage:models><rdf:Bag>\n");
            for (ModelMark model : provenance.models()) {
                xml.append("    <rdf:li>").append(escape(model.name() + " card sha256:" + model.cardDigest()))
                        .append("</rdf:li>\n");
            }
            xml.append("   </rdf:Bag></vernissage:models>\n");
        }
        xml.append("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
        return xml.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') { // control characters are not XML
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
