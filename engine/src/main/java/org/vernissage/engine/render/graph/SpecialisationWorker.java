package org.vernissage.engine.render.graph;

import java.lang.System.Logger;
import java.time.Duration;
import org.agrona.concurrent.Agent;
import org.vernissage.engine.agent.AgentThread;
import org.vernissage.engine.agent.SupervisedAgent;
import org.vernissage.engine.render.RenderTarget;
import org.vernissage.engine.render.reload.ProgramCacheWarmer;

/**
 * The off-render-thread half of a {@link BlockSpecialisation}: when asked, makes the shader's
 * source with the block's values compiled in ({@link ConstantBlock}) and draws it once through a
 * {@link ProgramCacheWarmer} (a fresh {@link ShaderPass} of that source, in a headless EGL context
 * of this thread's own, into a target of the node's size and format), so that Mesa's disk cache
 * holds llvmpipe's JIT code for it; then hands the source back. The render thread builds it at its
 * next update and finds the code there. A warm-up that fails is not reported here: the render
 * thread's build of the same source fails too and says why.
 *
 * <p>An agent on its own thread ({@value #THREAD_NAME}), which owns the warm context (opened at the
 * first warm-up, closed when the agent closes). {@link #start}, {@link #canvasIs}, {@link #wake}
 * and {@link #close} on the render thread. Owned by its {@link BlockSpecialisation}.
 */
final class SpecialisationWorker implements Agent {

    static final String THREAD_NAME = "vernissage-specialise";
    /** How long the thread parks between looks when nothing wakes it (a request always wakes it). */
    private static final Duration PARK = Duration.ofMillis(50);

    private final BlockSpecialisation owner;
    private final ProgramCacheWarmer warmer;
    private AgentThread thread;
    private String warming; // this thread: the source the warmer's fresh pass is built from

    private SpecialisationWorker(BlockSpecialisation owner, ShaderPass pass, RenderTarget target, Logger logger) {
        this.owner = owner;
        ShaderPass.WarmRecipe recipe = pass.warmRecipe(owner.block());
        this.warmer = ProgramCacheWarmer.headlessEgl(() -> recipe.fresh(warming), pass.layout(), target.width(),
                target.height(), target.format(), logger);
    }

    /** Starts the worker's thread. Render thread. */
    static SpecialisationWorker start(BlockSpecialisation owner, ShaderPass pass, RenderTarget target, Logger logger) {
        SpecialisationWorker worker = new SpecialisationWorker(owner, pass, target, logger);
        worker.thread = AgentThread.parking(THREAD_NAME, PARK);
        try {
            worker.thread.add(new SupervisedAgent(worker, logger));
        } catch (RuntimeException e) {
            worker.thread.close();
            throw e;
        }
        return worker;
    }

    /** The node's target is now {@code target}'s size and format. Render thread; allocates nothing. */
    void canvasIs(RenderTarget target) {
        if (target != null) {
            warmer.canvasIs(target);
        }
    }

    /** A request waits: end the thread's park now. Render thread; allocates nothing. */
    void wake() {
        thread.wake();
    }

    @Override
    public int doWork() {
        if (!owner.requested()) {
            return 0;
        }
        try {
            warming = ConstantBlock.inline(owner.requestSource(), owner.block().name(), owner.requestValues());
        } catch (IllegalArgumentException e) {
            owner.answer(null, e.getMessage());
            return 1;
        }
        warmer.warm(); // whatever happens, the render thread builds it next and reports a failure
        owner.answer(warming, null);
        return 1;
    }

    @Override
    public void onClose() {
        warmer.close(); // the context is current on this thread
    }

    @Override
    public String roleName() {
        return THREAD_NAME;
    }

    /** Stops the thread (waits up to 2 s). Render thread. */
    void close() {
        thread.close();
    }

    /** The warmer's counts (warm-ups, failures, longest). Any thread. */
    ProgramCacheWarmer warmer() {
        return warmer;
    }
}
