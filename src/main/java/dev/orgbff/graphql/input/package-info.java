/**
 * What clients type and send: the rules for text ({@link dev.orgbff.graphql.input.TextInput}) and email addresses
 * ({@link dev.orgbff.graphql.input.EmailAddress}) that services apply, and the messages of validation and variable
 * errors, which name the schema's types and fields rather than Java's classes
 * ({@link dev.orgbff.graphql.input.InputErrorInstrumentation}). Imports {@code graphql.error} and
 * {@code graphql.limits}.
 */
@NullMarked
package dev.orgbff.graphql.input;

import org.jspecify.annotations.NullMarked;
