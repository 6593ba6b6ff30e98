/**
 * The built-in client field types: one {@link io.invokeai.client.InvokeAIField} subclass per InvokeAI value type
 * ({@link io.invokeai.client.types.InvokeAIIntegerField}, {@link io.invokeai.client.types.InvokeAIImageField},
 * {@link io.invokeai.client.types.InvokeAIModelField}, ...), each with its
 * {@link io.invokeai.client.spi.FieldType} as {@code TYPE}.
 *
 * <p>Common rules:
 *
 * <ul>
 *   <li>Values set from Java are checked at once against the server's schema (ranges, steps, lengths, options,
 *       model bases and types); errors name the input, what it expects and the value given.
 *   <li>Nothing is converted by guessing: text is never parsed as a number or boolean.
 *   <li>{@code null} (or an unset field) leaves the input unset, so the server's default applies.
 *   <li>Values read from JSON (workflows, job outputs) are checked for shape only, not against the schema's limits,
 *       so a workflow saved against other limits still loads and can be corrected with {@code set}.
 *   <li>Work needing the server (uploads, model and board resolution) happens in {@code prepare}, at submit.
 *   <li>A {@code SINGLE_OR_COLLECTION} input ({@code T | list[T]}) is handled by the single type, which also takes
 *       a list and then yields the collection type's field; each form is sent as given.
 * </ul>
 */
package io.invokeai.client.types;
