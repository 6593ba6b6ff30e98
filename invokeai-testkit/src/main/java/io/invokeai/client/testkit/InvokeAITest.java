package io.invokeai.client.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs a real InvokeAI server: add an {@link InvokeAIServer} parameter to a test method,
 * constructor or lifecycle method. One server is shared by every test class of the run (see {@link
 * InvokeAIServerExtension}); tests should not rely on state left by others ({@link InvokeAIServer#cleanState()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InvokeAIServerExtension.class)
public @interface InvokeAITest {}
