/**
 * The HTTP server below GraphQL and security: how Reactor Netty's connections hand requests to the application
 * ({@link dev.orgbff.web.EventLoopDispatch}).
 */
@NullMarked
package dev.orgbff.web;

import org.jspecify.annotations.NullMarked;
