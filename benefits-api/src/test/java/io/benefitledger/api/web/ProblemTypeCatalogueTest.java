package io.benefitledger.api.web;

import io.benefitledger.BenefitRuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule code the domain's violations can carry is a documented problem type, so no refusal answers a type the
 * API description does not explain. The codes are read from the violations' compiled code: the constant strings
 * shaped like a code (the messages have spaces), so a new violation or a new code of an existing one is found.
 */
class ProblemTypeCatalogueTest {

    private static final Pattern CODE = Pattern.compile("[a-z]+(-[a-z]+)+");

    @Test
    void every_rule_code_of_the_domain_is_a_documented_problem_type() throws IOException {
        Set<String> codes = domainCodes();

        assertThat(codes).as("the codes found in the domain's violations").contains("keys-exhausted",
                "alternative-email-is-company-email", "not-permitted", "last-global-admin");
        assertThat(codes).allSatisfy(code -> assertThat(ProblemType.ofCode(code)).as(code).isPresent());
    }

    private static Set<String> domainCodes() throws IOException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(BenefitRuleViolation.class));
        Set<String> codes = new TreeSet<>();
        for (BeanDefinition violation : scanner.findCandidateComponents("io.benefitledger")) {
            String resource = violation.getBeanClassName().replace('.', '/') + ".class";
            try (InputStream bytes = ProblemTypeCatalogueTest.class.getClassLoader().getResourceAsStream(resource)) {
                new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                        return new MethodVisitor(Opcodes.ASM9) {
                            @Override
                            public void visitLdcInsn(Object constant) {
                                if (constant instanceof String text && CODE.matcher(text).matches()) {
                                    codes.add(text);
                                }
                            }
                        };
                    }
                }, ClassReader.SKIP_DEBUG);
            }
        }
        return codes;
    }
}
