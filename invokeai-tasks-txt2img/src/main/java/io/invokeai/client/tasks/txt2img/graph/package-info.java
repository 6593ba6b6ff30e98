/**
 * Building blocks of the generation recipes: the GUI-format workflow writer, the per-family linear graphs and the
 * recipe base class that the ControlNet and IP-Adapter recipes extend. Exported to those modules only.
 */
package io.invokeai.client.tasks.txt2img.graph;
