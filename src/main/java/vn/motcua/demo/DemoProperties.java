package vn.motcua.demo;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo officers: each with the candidate groups it belongs to ({@code reception:<unit>},
 * {@code specialist:<unit>}, {@code head:<unit>}, {@code supervisor}) and the e-mail address its
 * notifications go to.
 */
@ConfigurationProperties("motcua.demo")
record DemoProperties(String password, List<User> users) {

    record User(String id, String firstName, String lastName, String email, List<String> groups) {
    }
}
