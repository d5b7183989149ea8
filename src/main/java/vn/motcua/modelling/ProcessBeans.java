package vn.motcua.modelling;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The beans marked {@link ProcessBean}, by name: the only beans the engine's expressions, its
 * scripts' bean resolver and the procedure checks know. Read from the application context on first
 * use (the engine is built before most of these beans exist).
 */
@Component
public class ProcessBeans {

    private final ApplicationContext context;
    private volatile Set<String> names;

    ProcessBeans(ApplicationContext context) {
        this.context = context;
    }

    /** The names models may use. */
    public Set<String> names() {
        Set<String> known = names;
        if (known == null) {
            known = Collections.unmodifiableSet(new TreeSet<>(Set.of(context.getBeanNamesForAnnotation(ProcessBean.class))));
            names = known;
        }
        return known;
    }

    /**
     * Whether this object is one of the process beans (identity, not equality). Only beans already
     * made can be the object an expression holds, so none is created here (the engine asks while
     * it is itself being built).
     */
    boolean isProcessBean(Object candidate) {
        var beans = ((ConfigurableApplicationContext) context).getBeanFactory();
        for (String name : names()) {
            if (beans.containsSingleton(name) && beans.getSingleton(name) == candidate) {
                return true;
            }
        }
        return false;
    }

    /** A read-only view for the engine configuration's bean map: beans created when first asked for. */
    Map<Object, Object> asMap() {
        return new AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return key instanceof String name && names().contains(name);
            }

            @Override
            public Object get(Object key) {
                return containsKey(key) ? context.getBean((String) key) : null;
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                Map<Object, Object> beans = new LinkedHashMap<>();
                names().forEach(name -> beans.put(name, context.getBean(name)));
                return Collections.unmodifiableMap(beans).entrySet();
            }
        };
    }
}
