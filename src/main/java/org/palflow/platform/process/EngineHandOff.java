package org.palflow.platform.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;

/**
 * Hands a feature's event on to the engine once the transaction that published it has committed. It is a Spring
 * Modulith listener, so a hand-off that fails (engine unreachable, app stopped) stays in the event publication
 * registry and is made again ({@link EngineCatchUp}).
 *
 * <p>Unlike a plain module listener it opens no transaction: an engine call writes nothing to the database, yet each
 * of the sixty or so hand-offs a candidate makes set up a JPA transaction around it (an entity manager, its session
 * and their synchronisation; {@code LazyConnections} kept it from taking a connection). What a hand-off stores goes
 * through a service that draws its own transaction.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
public @interface EngineHandOff {
}
