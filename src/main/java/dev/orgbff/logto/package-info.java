/**
 * The Logto Management API adapter: configuration, the machine-to-machine (M2M) token, the typed
 * WebClient-based client, the records that mirror Logto's JSON, and the mapping of Logto's errors.
 * It is the only package that knows Logto's paths, bodies, headers and paging; it depends on no
 * other package of this project.
 */
@NullMarked
package dev.orgbff.logto;

import org.jspecify.annotations.NullMarked;
