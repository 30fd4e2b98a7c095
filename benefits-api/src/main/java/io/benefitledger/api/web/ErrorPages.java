package io.benefitledger.api.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Errors raised outside Spring MVC's handlers are problem details too: those the servlet container sends to its error
 * page (Spring Security's firewall refusing {@code ..}, {@code ;} or an encoded slash; a failure in a filter), and
 * those Tomcat answers before any servlet is reached (a request line or path it cannot take: {@code %00}, {@code %2F},
 * characters outside RFC 3986). Spring Boot's error page would answer its own JSON, and Tomcat an HTML page.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPages {

    /** Tomcat's report of the errors it answers itself: the host's error report valve, replaced. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return factory -> factory.addContextCustomizers(context ->
                ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemReportValve.class.getName()));
    }

    /** The error page. Asked for directly, there is nothing there, so the API description does not list it. */
    @Hidden
    @RestController
    static class ErrorPage implements ErrorController {

        @RequestMapping("/error")
        void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            Problems.writeStatus(response, request.getDispatcherType() == DispatcherType.ERROR && status instanceof Integer code
                    ? code : HttpStatus.NOT_FOUND.value());
        }
    }

    /** Instantiated by Tomcat's host by its class name, hence public. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            // as ErrorReportValve: only an error nobody has answered yet, and only while the connection can take it
            if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(response.getStatus());
            if (status == null) {
                status = HttpStatus.INTERNAL_SERVER_ERROR;
            }
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    ProblemType type = ProblemType.ofStatus(status);
                    writer.write(Problems.json(type, Problems.detail(type)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException unwritable) {
                // the client is gone or the response is already closed: nothing left to tell it
            }
        }
    }
}
