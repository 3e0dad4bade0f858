package io.tributary.daemon.cli;

import io.tributary.schedule.Frequency;
import io.tributary.schedule.ScheduleChange;
import io.tributary.schedule.ScheduleDefaults;
import io.tributary.schedule.ScheduleView;
import io.tributary.scheduler.ScheduleTriggers;
import io.tributary.spi.EntityType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "schedule", description = "Show and change when each connection's products and orders sync. "
        + "A running daemon picks changes up within seconds.",
        subcommands = {ScheduleCommand.ListAll.class, ScheduleCommand.Set.class})
final class ScheduleCommand {

    /** When the schedule fires next, or null when it does not fire (inactive, or its connection is disabled). */
    static Instant nextFireAt(ScheduleView view) {
        return view.firing() ? ScheduleTriggers.nextFireAfter(view.spec(), Instant.now()).orElse(null) : null;
    }

    @Command(name = "list", description = "List schedules with their next firing.")
    static final class ListAll extends CliCommand {
        @Option(names = "--connection", paramLabel = "ID", description = "Only this connection.")
        Long connection;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        public Integer call() {
            List<ScheduleView> views = app().schedules().list(connection);
            if (json) {
                out().json(views.stream().map(v -> JsonViews.schedule(v, nextFireAt(v))).toList());
                return OK;
            }
            if (views.isEmpty()) {
                out().note("No schedules" + (connection == null ? "" : " for connection " + connection) + ".");
                return OK;
            }
            List<List<String>> rows = new ArrayList<>();
            for (ScheduleView v : views) {
                String state = !v.spec().active() ? "inactive" : !v.connectionEnabled() ? "paused" : "active";
                rows.add(java.util.Arrays.asList(Long.toString(v.connectionId()), v.entity().cliName(),
                        v.spec().frequency().cliName(), ScheduleDefaults.dayName(v.spec().dayOfWeek()),
                        v.spec().time().toString(), v.spec().startDate().toString(), v.spec().zone().getId(), state,
                        JsonViews.time(nextFireAt(v))));
            }
            out().table(List.of("CONN", "ENTITY", "FREQUENCY", "DAY", "TIME", "START", "ZONE", "STATE", "NEXT"), rows);
            return OK;
        }
    }

    @Command(name = "set", description = "Change the schedule of one entity of a connection; options not given "
            + "stay as they are.")
    static final class Set extends CliCommand {
        private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

        @Parameters(index = "0", paramLabel = "ID", description = "The connection's id.")
        long id;

        @Option(names = "--entity", required = true, paramLabel = "products|orders", converter = EntityConverter.class)
        EntityType entity;

        @Option(names = "--frequency", paramLabel = "hourly|daily|weekly")
        String frequency;

        @Option(names = "--day-of-week", paramLabel = "MON..SUN", description = "For weekly schedules.")
        String dayOfWeek;

        @Option(names = "--time", paramLabel = "HH:MM", description = "Time of day (hourly: its minute).")
        String time;

        @Option(names = "--start-date", paramLabel = "YYYY-MM-DD")
        String startDate;

        @Option(names = "--zone", paramLabel = "ZONE", description = "e.g. Europe/Stockholm")
        String zone;

        @ArgGroup(exclusive = true)
        Activity activity;

        static final class Activity {
            @Option(names = "--active", description = "Run it.")
            boolean active;

            @Option(names = "--inactive", description = "Do not run it.")
            boolean inactive;
        }

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        public Integer call() {
            ScheduleChange change = new ScheduleChange(frequency == null ? null : Frequency.parse(frequency),
                    dayOfWeek == null ? null : ScheduleDefaults.parseDay(dayOfWeek), time == null ? null : time(time),
                    startDate == null ? null : date(startDate), zone == null ? null : zone(zone),
                    activity == null ? null : activity.active);
            ScheduleView view = app().schedules().set(id, entity, change);
            Instant next = nextFireAt(view);
            if (json) {
                out().json(JsonViews.schedule(view, next));
            } else {
                out().line("Schedule of " + entity.cliName() + " for connection " + id + ": "
                        + view.spec().frequency().cliName()
                        + (view.spec().dayOfWeek() == null ? "" : " on " + ScheduleDefaults.dayName(view.spec().dayOfWeek()))
                        + " at " + view.spec().time() + " " + view.spec().zone().getId() + " from "
                        + view.spec().startDate() + ", " + (view.spec().active() ? "active" : "inactive")
                        + (next == null ? (view.spec().active() ? " (paused: the connection is disabled)" : "")
                                : "; next run " + next) + ".");
            }
            return OK;
        }

        private static LocalTime time(String text) {
            try {
                return LocalTime.parse(text.trim(), HH_MM);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--time must be HH:MM (24-hour), got '" + text + "'.");
            }
        }

        private static LocalDate date(String text) {
            try {
                return LocalDate.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--start-date must be YYYY-MM-DD, got '" + text + "'.");
            }
        }

        private static ZoneId zone(String text) {
            try {
                return ZoneId.of(text.trim());
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("--zone must be a time zone such as Europe/Stockholm, got '" + text
                        + "'.");
            }
        }
    }
}
