package org.solidarityfunds.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.ext.Provider;

/** Gives the browser the form token a console page was rendered with, when it had none ({@link FormGuard}). */
@Provider
@ConsolePage
public class FormTokens implements ContainerResponseFilter {

    private final FormGuard guard;

    FormTokens(FormGuard guard) {
        this.guard = guard;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String issued = guard.issued();
        if (issued != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(FormGuard.COOKIE).value(issued)
                    .path(HomePage.ROOT).httpOnly(true).secure(true).sameSite(NewCookie.SameSite.STRICT).build());
        }
    }
}
