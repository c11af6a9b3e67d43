/**
 * Who is calling: the resource-server configuration that validates Logto user access tokens, the
 * {@link dev.orgbff.security.Viewer} a valid token describes, and the per-request
 * {@link dev.orgbff.security.Caller} (the viewer plus the request's DataLoaders, created on first use through typed
 * {@link dev.orgbff.security.RequestLoader} handles) that controllers and services receive, with
 * {@link dev.orgbff.security.InHandDataFetcher} for fields answered from what the request holds; and which browser
 * origins may call the GraphQL endpoint ({@link dev.orgbff.security.CorsProperties}).
 */
@NullMarked
package dev.orgbff.security;

import org.jspecify.annotations.NullMarked;
