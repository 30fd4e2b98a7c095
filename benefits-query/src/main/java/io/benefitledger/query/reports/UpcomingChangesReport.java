package io.benefitledger.query.reports;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What changes in the next days, across the features that know it: each answers its first rows of the page, soonest
 * first, from its own read model (offers, membership years, benefits), and the report merges them.
 */
@Component
class UpcomingChangesReport {

    private static final Comparator<UpcomingChanges.Change> ORDER = Comparator.comparing(UpcomingChanges.Change::at)
            .thenComparing(UpcomingChanges.Change::partnerId).thenComparing(UpcomingChanges.Change::kind)
            .thenComparing(UpcomingChanges.Change::subject);

    private final QueryGateway queries;

    UpcomingChangesReport(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryHandler
    UpcomingChanges handle(FindUpcomingChanges query) {
        ReportPage page = query.page();
        ReportPage first = page.firstRowsOfEachShare("at", false);
        List<UpcomingChanges.Share> shares = Stream.<FindUpcomingChanges.Share>of(
                        new FindUpcomingChanges.Offers(query, first), new FindUpcomingChanges.Years(query, first),
                        new FindUpcomingChanges.Benefits(query, first))
                .map(share -> queries.query(share, ResponseTypes.instanceOf(UpcomingChanges.Share.class)).join())
                .toList();
        List<UpcomingChanges.Change> rows = page.of(shares.stream().flatMap(share -> share.rows().stream()).sorted(ORDER));
        return new UpcomingChanges(query.now(), query.until(), rows, page.page(), page.size(),
                shares.stream().mapToLong(UpcomingChanges.Share::total).sum());
    }
}
