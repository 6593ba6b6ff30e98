/**
 * The InvokeAI Java client API: {@link io.invokeai.client.InvokeAIClient} and what it creates (workflows, jobs,
 * results), value records, options and typed exceptions.
 */
package io.invokeai.client;
