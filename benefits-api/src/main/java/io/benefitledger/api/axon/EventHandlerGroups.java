package io.benefitledger.api.axon;

import io.benefitledger.RunsWithTheCommand;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.ListableBeanFactory;

import java.util.Set;
import java.util.TreeSet;

/**
 * The processing groups of the application's event handlers, found on the handlers themselves: those that run with
 * the command ({@link RunsWithTheCommand}) and those that run in the background, after it (the read models, the audit
 * checkpoints). A new handler needs no list kept here.
 */
public record EventHandlerGroups(Set<String> withTheCommand, Set<String> inTheBackground) {

    public EventHandlerGroups {
        withTheCommand = Set.copyOf(withTheCommand);
        inTheBackground = Set.copyOf(inTheBackground);
    }

    static EventHandlerGroups of(ListableBeanFactory beans) {
        Set<String> withTheCommand = new TreeSet<>();
        Set<String> inTheBackground = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            String group = beans.findAnnotationOnBean(name, ProcessingGroup.class).value();
            (beans.findAnnotationOnBean(name, RunsWithTheCommand.class) != null ? withTheCommand : inTheBackground).add(group);
        }
        return new EventHandlerGroups(withTheCommand, inTheBackground);
    }
}
