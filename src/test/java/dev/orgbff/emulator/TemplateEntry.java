package dev.orgbff.emulator;

/** A row of the organization template, a role or a scope: an id and a name unique among its kind. */
interface TemplateEntry {

    String id();

    String name();
}
