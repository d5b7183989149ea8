package vn.motcua.modelling;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean that process models may call by name ({@code ${deadlines.phaseDue(...)}},
 * {@code ${issueReceipt}}): on its class, or on the {@code @Bean} method that makes it. No other
 * bean of the application is reachable from an expression (see {@link ProcessExpressions}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ProcessBean {
}
