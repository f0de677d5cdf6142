package org.vernissage.engine.render;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A headless GL context for one test class, opened before its first test and closed after its
 * last: register it with {@code @RegisterExtension static final HeadlessGl GL = new HeadlessGl(64);}.
 * JUnit runs a class's tests on one thread, which is therefore the render thread.
 */
final class HeadlessGl implements BeforeAllCallback, AfterAllCallback {

    private final int size;
    private EglSurfacelessContext context;

    HeadlessGl(int size) {
        this.size = size;
    }

    EglSurfacelessContext context() {
        return context;
    }

    @Override
    public void beforeAll(ExtensionContext extension) throws Exception {
        context = EglSurfacelessContext.open(size, size);
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        if (context != null) {
            context.close();
        }
    }
}
