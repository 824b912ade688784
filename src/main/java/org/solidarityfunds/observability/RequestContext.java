package org.solidarityfunds.observability;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.solidarityfunds.problem.Problem;

/**
 * Who and which request every log line is about, and one line per API request
 * (docs/operating/monitoring.md). The request id comes from the caller's or the proxy's
 * X-Request-Id when it is a plain token, else it is made here; it is answered in X-Request-Id,
 * so that a partner quoting it finds the lines. The subject is the token's, set when the
 * request is authenticated. Never the token itself, a body, a query string or a donor.
 */
@ApplicationScoped
public class RequestContext implements SecurityIdentityAugmentor {

    public static final String HEADER = "X-Request-Id";
    /** Log context keys, the field names of the JSON logs. */
    public static final String REQUEST_ID = "requestId";
    public static final String SUBJECT = "subject";
    /** The category of the one line per request, which operators may turn down. */
    public static final String ACCESS_LOG = "org.solidarityfunds.access";

    private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Logger ACCESS = Logger.getLogger(ACCESS_LOG);
    private static final String STARTED = RequestContext.class.getName() + ".started";

    @ServerRequestFilter(preMatching = true)
    public void begin(ContainerRequestContext request) {
        String offered = request.getHeaderString(HEADER);
        MDC.put(REQUEST_ID, offered != null && ACCEPTED_ID.matcher(offered).matches() ? offered
                : UUID.randomUUID().toString());
        MDC.remove(SUBJECT);
        request.setProperty(STARTED, System.nanoTime());
    }

    @ServerResponseFilter
    public void end(ContainerRequestContext request, ContainerResponseContext response) {
        Object requestId = MDC.get(REQUEST_ID);
        if (requestId != null) {
            response.getHeaders().putSingle(HEADER, requestId.toString());
        }
        if (ACCESS.isInfoEnabled()) {
            Object started = request.getProperty(STARTED);
            double millis = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1e6 : Double.NaN;
            String problem = response.getEntity() instanceof Problem p ? " " + problemName(p) : "";
            ACCESS.infof("%s %s %d %.1f ms%s", request.getMethod(), request.getUriInfo().getPath(),
                    response.getStatus(), millis, problem);
        }
    }

    /** The problem type's name, its URI's fragment: fund-closed, say. */
    private static String problemName(Problem problem) {
        String fragment = problem.type().getFragment();
        return fragment != null ? fragment : problem.type().toString();
    }

    /** Called once the bearer token is verified: its subject joins the log context. */
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous()) {
            // The subject, as recorded on entries; not the principal's name, which may be a
            // username or an e-mail address.
            MDC.put(SUBJECT, identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                    ? token.getSubject() : identity.getPrincipal().getName());
        }
        return Uni.createFrom().item(identity);
    }
}
