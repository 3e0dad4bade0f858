package io.tributary.daemon.cli;

import io.tributary.daemon.cli.render.ScheduleRenderer;
import io.tributary.schedule.Frequency;
import io.tributary.schedule.ScheduleChange;
import io.tributary.schedule.ScheduleDefaults;
import io.tributary.schedule.ScheduleKind;
import io.tributary.schedule.ScheduleView;
import io.tributary.spi.EntityType;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "schedule", description = "Show and change when each connection's products and orders sync, and "
        + "when they are reconciled (deletes at the source looked for; weekly, inactive until switched on). A running "
        + "daemon picks changes up within seconds.",
        subcommands = {ScheduleCommand.ListAll.class, ScheduleCommand.Set.class, UsageHelpCommand.class})
final class ScheduleCommand {

    @Command(name = "list", description = "List schedules with their next firing.")
    static final class ListAll extends CliCommand {
        @Option(names = "--connection", paramLabel = "ID", description = "Only this connection.")
        Long connection;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            if (connection != null) {
                app().connections().find(connection); // an unknown id is refused (exit 2), not an empty list
            }
            List<ScheduleView> views = app().schedules().list(connection);
            json.list(out(), views, new ScheduleRenderer(Clock.systemUTC()),
                    "No schedules" + (connection == null ? "" : " for connection " + connection) + ".");
            return OK;
        }
    }

    @Command(name = "set", description = "Change the schedule of one entity of a connection; options not given "
            + "stay as they are.")
    static final class Set extends CliCommand {
        private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm")
                .withResolverStyle(java.time.format.ResolverStyle.STRICT); // 24:00 is refused, not taken as 00:00

        @Parameters(index = "0", paramLabel = "ID", description = "The connection's id.")
        long id;

        @Option(names = "--entity", required = true, paramLabel = "products|orders|customers", converter = EntityConverter.class,
                description = "Which entity's schedule to change: products, orders or customers.")
        EntityType entity;

        @Option(names = "--kind", paramLabel = "sync|reconcile", description = "Which of the entity's schedules: sync "
                + "(default) or reconcile (the pass that finds records deleted at the source; weekly on Sunday night "
                + "by default).")
        String kind;

        @Option(names = "--frequency", paramLabel = "hourly|daily|weekly",
                description = "How often it fires: hourly (at the "
                + "minute of --time), daily or weekly (at --time in --zone). New connections: products daily, orders "
                + "hourly, customers daily (where the system provides them).")
        String frequency;

        @Option(names = "--day-of-week", paramLabel = "MON..SUN",
                description = "The day a weekly schedule fires: MON, TUE, WED, THU, FRI, SAT or SUN.")
        String dayOfWeek;

        @Option(names = "--time", paramLabel = "HH:MM",
                description = "Time of day, 00:00 to 23:59 (hourly: its minute).")
        String time;

        @Option(names = "--start-date", paramLabel = "YYYY-MM-DD", description = "No firing before this date.")
        String startDate;

        @Option(names = "--zone", paramLabel = "ZONE",
                description = "The time zone of --time, e.g. Europe/Stockholm (default: "
                + "TRIBUTARY_ZONE, else the machine's).")
        String zone;

        @ArgGroup(exclusive = true)
        Activity activity;

        static final class Activity {
            @Option(names = "--active", description = "Switch the schedule on (new schedules are off).")
            boolean active;

            @Option(names = "--inactive", description = "Switch the schedule off.")
            boolean inactive;
        }

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            ScheduleChange change = new ScheduleChange(frequency == null ? null : Frequency.parse(frequency),
                    dayOfWeek == null ? null : ScheduleDefaults.parseDay(dayOfWeek), time == null ? null : time(time),
                    startDate == null ? null : date(startDate), zone == null ? null : zone(zone),
                    activity == null ? null : activity.active);
            ScheduleView view = app().schedules().set(id, entity, ScheduleKind.parse(kind), change);
            ScheduleRenderer renderer = new ScheduleRenderer(Clock.systemUTC());
            if (json.enabled()) {
                out().json(renderer.json(view));
            } else {
                out().line(renderer.sentence(view));
            }
            return OK;
        }

        private static LocalTime time(String text) {
            try {
                return LocalTime.parse(text.trim(), HH_MM);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--time must be HH:MM from 00:00 to 23:59, got '" + text + "'.");
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
            ZoneId zone;
            try {
                zone = ZoneId.of(text.trim());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("--zone must be a time zone such as Europe/Stockholm, got '" + text
                        + "'.");
            }
            boolean utc = zone.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds() == 0;
            if (zone.getRules().isFixedOffset() && !utc) {
                throw new IllegalArgumentException("--zone must be a region such as Europe/Berlin, not the fixed "
                        + "offset '" + text + "', which has no daylight saving time (use UTC for UTC).");
            }
            return zone;
        }
    }
}
