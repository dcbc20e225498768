package org.palflow.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** What Spring reads from a hand-off, with the same look-up of composed annotations it uses to wire listeners. */
class EngineHandOffTest {

    @EngineHandOff
    void handOff(Object event) {
    }

    @Test
    void aHandOffRunsAfterTheCommitOnItsOwnThreadWithoutATransaction() throws NoSuchMethodException {
        Method handOff = EngineHandOffTest.class.getDeclaredMethod("handOff", Object.class);

        assertThat(AnnotatedElementUtils.findMergedAnnotation(handOff, TransactionalEventListener.class).phase())
                .isEqualTo(TransactionPhase.AFTER_COMMIT);
        assertThat(AnnotatedElementUtils.hasAnnotation(handOff, Async.class)).isTrue();
        assertThat(AnnotatedElementUtils.findMergedAnnotation(handOff, Transactional.class).propagation())
                .isEqualTo(Propagation.NOT_SUPPORTED);
    }
}
