/**
 * The one Redis server several instances share ({@code orgbff.redis.url}): its settings, the Lettuce client every
 * use of it connects through, and the once-per-outage warning. The rate limits keep their budgets there and the
 * events fan out through its pub/sub. It sits low in the package stack, beside {@code logto}, and depends on no
 * other package of this project.
 */
@NullMarked
package dev.orgbff.redis;

import org.jspecify.annotations.NullMarked;
