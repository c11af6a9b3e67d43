package dev.orgbff.logto;

import java.net.URI;

import io.micrometer.common.KeyValue;

import org.springframework.web.reactive.function.client.ClientHttpObservationDocumentation.HighCardinalityKeyNames;
import org.springframework.web.reactive.function.client.ClientHttpObservationDocumentation.LowCardinalityKeyNames;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

/**
 * Names each observed Logto call ({@code http.client.requests}, and its span when tracing) by method and route
 * template, e.g. {@code GET /api/organizations/{id}/users}, and records only that template: the default
 * {@code http.url} is the full URL, whose query can carry search text and email addresses ({@code ?q=…},
 * {@code search.primaryEmail=…}), so it becomes the template on Logto's origin. The template is the one
 * {@link LogtoHttp} sends every call with; a call without one names no path ({@code none}), unless it was
 * given as a plain URI template (the JWKS).
 */
final class LogtoObservationConvention extends DefaultClientRequestObservationConvention {

    @Override
    public String getContextualName(ClientRequestObservationContext context) {
        return method(context).getValue() + " " + uri(context).getValue();
    }

    @Override
    protected KeyValue uri(ClientRequestObservationContext context) {
        ClientRequest request = context.getRequest();
        Object route = request == null ? null : request.attributes().get(UpstreamCallMetrics.ROUTE_ATTRIBUTE);
        return route instanceof String template ? KeyValue.of(LowCardinalityKeyNames.URI, template) : super.uri(context);
    }

    @Override
    protected KeyValue httpUrl(ClientRequestObservationContext context) {
        ClientRequest request = context.getRequest();
        String template = uri(context).getValue();
        if (request == null || !template.startsWith("/")) {
            return KeyValue.of(HighCardinalityKeyNames.HTTP_URL, KeyValue.NONE_VALUE);
        }
        URI url = request.url();
        String origin = url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
        return KeyValue.of(HighCardinalityKeyNames.HTTP_URL, origin + template);
    }
}
