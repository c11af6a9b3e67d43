/**
 * logto-org-bff: a GraphQL backend-for-frontend that gives web and mobile apps Logto's organization
 * experience. The sub-packages own one domain each; {@code logto} is the only one that speaks Logto's HTTP.
 */
@NullMarked
package dev.orgbff;

import org.jspecify.annotations.NullMarked;
