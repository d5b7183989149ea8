package vn.motcua.modelling;

import java.util.Iterator;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Expressions reach only the {@link ProcessBean process beans}: the engine's bean map (expressions
 * and scripts) is theirs alone, and a resolver in front of the engine's own refuses, at run time,
 * what the procedure checks refuse at deployment ({@link ProcessExpressions}): a method of anything
 * but a process bean, the methods of {@link Object}, reflective properties, and the engine behind
 * {@code execution} and {@code task}. An expression that slipped past the checks fails with an
 * engine error instead of running code.
 */
@Component
class ProcessExpressionsPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;
    private final ProcessBeans beans;

    ProcessExpressionsPlugin(ApplicationContext context, ProcessBeans beans) {
        this.context = context;
        this.beans = beans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Map<Object, Object> processBeans = beans.asMap();
        configuration.setBeans(processBeans);
        // Replaces the SpringExpressionManager the starter made with the whole application context.
        configuration.setExpressionManager(new GuardedExpressionManager(context, processBeans, new Guard(beans)));
    }

    static final class GuardedExpressionManager extends SpringExpressionManager {

        private final ELResolver guard;

        GuardedExpressionManager(ApplicationContext context, Map<Object, Object> beans, ELResolver guard) {
            super(context, beans);
            this.guard = guard;
        }

        @Override
        protected ELResolver createElResolver() {
            CompositeELResolver resolver = new CompositeELResolver();
            resolver.add(guard);
            resolver.add(super.createElResolver());
            return resolver;
        }
    }

    /** Resolves nothing itself; throws before the engine's resolvers reach what a model may not. */
    static final class Guard extends ELResolver {

        private final ProcessBeans beans;

        Guard(ProcessBeans beans) {
            this.beans = beans;
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
            if (base != null) {
                String name = String.valueOf(method);
                if (ProcessExpressions.OBJECT_METHODS.contains(name) || !beans.isProcessBean(base)) {
                    throw refused(base, name + "()");
                }
            }
            return null;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            check(base, property);
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            check(base, property);
        }

        private void check(Object base, Object property) {
            if (base == null) {
                return; // a variable or bean name: the resolvers behind decide
            }
            String name = String.valueOf(property);
            if (base instanceof Class<?> || base instanceof ClassLoader || ProcessExpressions.REFLECTIVE_PROPERTIES.contains(name)
                    || base instanceof VariableScope && !ProcessExpressions.CONTEXT_PROPERTIES.contains(name)) {
                throw refused(base, name);
            }
        }

        private static ELException refused(Object base, String member) {
            return new ELException("Expression refused: '" + member + "' of " + base.getClass().getSimpleName()
                    + " is not reachable from a model (only @ProcessBean beans, see docs/security.md)");
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return false;
        }

        @Override
        public Iterator<java.beans.FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return null;
        }
    }
}
