package dev.orgbff;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of logto-org-bff: a GraphQL backend-for-frontend over Logto's Management API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrgBffApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrgBffApplication.class, args);
    }
}
