package io.benefitledger.api.axon;

import io.benefitledger.RunsWithTheCommand;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.ListableBeanFactory;

import java.util.Set;
import java.util.TreeSet;

/**
 * The processing groups of the application's event handlers, found on the handlers themselves: those that run with
 * the command ({@link RunsWithTheCommand}) and those that keep read models. A new handler needs no list kept here.
 */
public record EventHandlerGroups(Set<String> withTheCommand, Set<String> readModels) {

    public EventHandlerGroups {
        withTheCommand = Set.copyOf(withTheCommand);
        readModels = Set.copyOf(readModels);
    }

    static EventHandlerGroups of(ListableBeanFactory beans) {
        Set<String> withTheCommand = new TreeSet<>();
        Set<String> readModels = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            String group = beans.findAnnotationOnBean(name, ProcessingGroup.class).value();
            (beans.findAnnotationOnBean(name, RunsWithTheCommand.class) != null ? withTheCommand : readModels).add(group);
        }
        return new EventHandlerGroups(withTheCommand, readModels);
    }
}
