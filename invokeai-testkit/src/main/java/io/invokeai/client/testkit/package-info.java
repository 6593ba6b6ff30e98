/**
 * A real InvokeAI server for tests, Testcontainers-style: {@link io.invokeai.client.testkit.ManagedInvokeAIServer}
 * provisions and runs one on the CPU, {@link io.invokeai.client.testkit.InvokeAITest} shares one per test run, and
 * {@link io.invokeai.client.testkit.TinyModels} installs tiny random-weight models so generation graphs run in about
 * a second.
 */
package io.invokeai.client.testkit;
