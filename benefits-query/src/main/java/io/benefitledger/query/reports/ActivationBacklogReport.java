package io.benefitledger.query.reports;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What waits for fulfilment, across the features that hold it: each answers its first rows of the page in the
 * report's order from its own read model, and the report merges them.
 */
@Component
class ActivationBacklogReport {

    private static final Map<String, Comparator<ActivationBacklog.Pending>> ORDER = Map.of(
            "partner", Comparator.comparing(ActivationBacklog.Pending::partnerId),
            "kind", Comparator.comparing(ActivationBacklog.Pending::kind),
            "name", Comparator.comparing(ActivationBacklog.Pending::name),
            "pendingSince", Comparator.comparing(ActivationBacklog.Pending::pendingSince));
    private static final Comparator<ActivationBacklog.Pending> TIE_BREAK = Comparator
            .comparing(ActivationBacklog.Pending::partnerId).thenComparing(ActivationBacklog.Pending::kind)
            .thenComparing(ActivationBacklog.Pending::id);

    private final QueryGateway queries;

    ActivationBacklogReport(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryHandler
    ActivationBacklog handle(FindActivationBacklog query) {
        ReportPage page = query.page();
        Comparator<ActivationBacklog.Pending> order = ORDER.get(page.sort());
        if (order == null) {
            throw new IllegalArgumentException("cannot sort by " + page.sort() + "; one of " + new TreeSet<>(ORDER.keySet()));
        }
        ReportPage first = page.firstRowsOfEachShare(page.sort(), page.descending());
        List<PendingActivations> shares = new ArrayList<>();
        if (query.kind() == null || "TECHNICAL".equals(query.kind())) {
            shares.add(ask(new FindPendingBenefits(query.partners(), query.now(), first)));
        }
        if (query.kind() == null || "OFFER".equals(query.kind())) {
            shares.add(ask(new FindPendingOffers(query.partners(), query.now(), first)));
        }
        List<ActivationBacklog.Pending> rows = page.of(shares.stream().flatMap(share -> share.rows().stream())
                .sorted((page.descending() ? order.reversed() : order).thenComparing(TIE_BREAK)));
        return new ActivationBacklog(rows, page.page(), page.size(),
                shares.stream().mapToLong(PendingActivations::total).sum());
    }

    private PendingActivations ask(Object query) {
        return queries.query(query, ResponseTypes.instanceOf(PendingActivations.class)).join();
    }

}
