package io.benefitledger.api.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a handler method takes is read from how it declares its parameters, however it declares them. */
class KnownParametersTest {

    record Window(String from, String to) {
    }

    @SuppressWarnings("unused")
    static class Endpoints {
        void named(@RequestParam(name = "partner") String partners, @RequestParam int page) {
        }

        void window(@ModelAttribute Window window, @RequestParam int size) {
        }

        void anything(@RequestParam Map<String, String> parameters) {
        }
    }

    final KnownParameters known = new KnownParameters();

    boolean takes(String method, String query) throws Exception {
        Class<?>[] types = switch (method) {
            case "named" -> new Class<?>[]{String.class, int.class};
            case "window" -> new Class<?>[]{Window.class, int.class};
            default -> new Class<?>[]{Map.class};
        };
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
        request.setQueryString(query);
        return known.preHandle(request, new MockHttpServletResponse(),
                new HandlerMethod(new Endpoints(), Endpoints.class.getDeclaredMethod(method, types)));
    }

    @Test
    void a_request_param_is_known_by_its_declared_name_or_else_its_parameters_name() throws Exception {
        assertThat(takes("named", "partner=a&partner=b&page=1")).isTrue();
        assertThatThrownBy(() -> takes("named", "partners=a&page=1")).isInstanceOf(KnownParameters.Unknown.class)
                .hasMessage("this endpoint does not take the query parameter partners; it takes page, partner");
    }

    @Test
    void a_model_attribute_record_takes_its_components() throws Exception {
        assertThat(takes("window", "from=1&to=2&size=3")).isTrue();
        assertThatThrownBy(() -> takes("window", "at=1&month=2")).isInstanceOf(KnownParameters.Unknown.class)
                .hasMessageContaining("query parameters at, month;");
    }

    @Test
    void a_refused_instant_names_where_the_state_as_of_an_instant_is_answered() throws Exception {
        assertThatThrownBy(() -> takes("named", "at=2026-11-25T09:00:00Z&page=1")).isInstanceOf(KnownParameters.Unknown.class)
                .hasMessageEndingWith(KnownParameters.Unknown.AS_OF_ELSEWHERE)
                .hasMessageContaining("/audit/aggregates/{aggregateId}?at=");
        assertThatThrownBy(() -> takes("named", "partners=a")).isInstanceOf(KnownParameters.Unknown.class)
                .message().doesNotContain("audit");
    }

    @Test
    void a_request_param_map_takes_any_name() throws Exception {
        assertThat(takes("anything", "whatever=1&%61t=2")).isTrue();
    }

    @Test
    void a_name_is_known_once_decoded() throws Exception {
        assertThat(takes("named", "p%61ge=1")).isTrue();
    }
}
