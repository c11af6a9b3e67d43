/**
 * The organization template: the roles every organization shares, with the organization permissions and
 * API resource permissions each grants, and the permission list; read from Logto at most once per request, and
 * shared across requests until a template event or {@code orgbff.cache.max-staleness}.
 */
@NullMarked
package dev.orgbff.template;

import org.jspecify.annotations.NullMarked;
