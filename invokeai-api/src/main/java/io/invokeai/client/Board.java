package io.invokeai.client;

/** A board on the server: a named collection of images. */
public record Board(String id, String name, int imageCount, int assetCount, boolean archived, String createdAt) {}
