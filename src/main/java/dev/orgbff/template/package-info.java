/**
 * The organization template: the roles every organization shares, with the organization permissions and
 * API resource permissions each grants, and the permission list; read live from Logto once per request.
 */
@NullMarked
package dev.orgbff.template;

import org.jspecify.annotations.NullMarked;
