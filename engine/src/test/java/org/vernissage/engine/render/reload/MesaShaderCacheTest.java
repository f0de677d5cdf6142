package org.vernissage.engine.render.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether the warmer has a cache to warm: Mesa's rules for turning its disk cache off and finding its folder, on real folders. */
class MesaShaderCacheTest {

    @TempDir
    Path temp;

    @Test
    void aWritableHomeWithNoCacheYetIsUsableMesaMakesTheFolder() {
        assertEquals(Optional.empty(), MesaShaderCache.whyUnusable(Map.of(), temp));
        assertEquals(temp.resolve(".cache/mesa_shader_cache"), MesaShaderCache.folder(Map.of(), temp));
    }

    @Test
    void theDisableVariablesTurnItOff() {
        Optional<String> off = MesaShaderCache.whyUnusable(Map.of("MESA_SHADER_CACHE_DISABLE", "true"), temp);
        assertTrue(off.orElseThrow().contains("MESA_SHADER_CACHE_DISABLE=true"), off.toString());
        assertTrue(MesaShaderCache.whyUnusable(Map.of("MESA_GLSL_CACHE_DISABLE", "1"), temp).isPresent());
        assertEquals(Optional.empty(), MesaShaderCache.whyUnusable(Map.of("MESA_SHADER_CACHE_DISABLE", "false"), temp));
    }

    @Test
    void aFolderThatCannotBeMadeIsNamed() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "not a folder");
        Path under = file.resolve("cache");
        Optional<String> why = MesaShaderCache.whyUnusable(Map.of("MESA_SHADER_CACHE_DIR", under.toString()), temp);
        assertTrue(why.orElseThrow().contains(under.toString()) && why.get().contains("not a writable folder"),
                why.toString());
    }

    @Test
    void theFolderVariablesAreFollowedInMesasOrder() {
        Path dir = temp.resolve("dir");
        Path xdg = temp.resolve("xdg");
        assertEquals(dir, MesaShaderCache.folder(Map.of("MESA_SHADER_CACHE_DIR", dir.toString(),
                "XDG_CACHE_HOME", xdg.toString()), temp));
        assertEquals(xdg.resolve("mesa_shader_cache"), MesaShaderCache.folder(Map.of("XDG_CACHE_HOME", xdg.toString()),
                temp));
        assertEquals(Optional.empty(), MesaShaderCache.whyUnusable(Map.of("MESA_SHADER_CACHE_DIR", dir.toString()), temp));
    }
}
