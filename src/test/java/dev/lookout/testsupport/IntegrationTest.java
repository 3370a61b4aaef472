package dev.lookout.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class of the slower tier that {@code mvn verify} adds (failsafe): one that needs data outside the
 * repository (Debian's media, the TF.js reference in {@code ../shared/}), a stream or broker server, a child JVM,
 * a browser or a mounted file system. {@code mvn test} runs everything else in under a minute. {@link TestTiersTest}
 * checks that no class needing such things is left in the fast tier.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("integration")
public @interface IntegrationTest {
}
