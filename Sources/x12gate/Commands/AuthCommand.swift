import ArgumentParser
import AuthModel
import Foundation
import Gateway

/// `x12gate auth list|show|decide`: the reviewers' view of stored authorizations and referrals.
struct AuthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth",
        abstract: "Look up stored authorizations and referrals, and decide pended ones.",
        subcommands: [List.self, Show.self, Decide.self])

    /// `auth list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List authorizations, newest first, with filters.")
        @OptionGroup var store: StoreOption
        @Option(help: "A tracking number.") var tracking: String?
        @Option(help: "A member ID.") var member: String?
        @Option(help: "A requesting or servicing provider's NPI.") var provider: String?
        @Option(help: "REQUESTED, 'SYSTEM HOLD', APPROVED, DENIED or CANCELLED.") var status: String?
        @Option(help: "standard, expedited or retrospective.") var priority: String?
        @Option(help: "Requested on or after (YYYY-MM-DD).") var requestedFrom: String?
        @Option(help: "Requested on or before (YYYY-MM-DD).") var requestedTo: String?
        @Option(help: "Action date on or after (YYYY-MM-DD).") var actionFrom: String?
        @Option(help: "Action date on or before (YYYY-MM-DD).") var actionTo: String?
        @Option(help: "Expiring on or after (YYYY-MM-DD).") var expiresFrom: String?
        @Option(help: "Expiring on or before (YYYY-MM-DD).") var expiresTo: String?
        @Option(help: "At most this many rows.") var limit: Int = 100

        func validate() throws {
            for d in [requestedFrom, requestedTo, actionFrom, actionTo, expiresFrom, expiresTo].compactMap({ $0 })
            where CalendarDate(d) == nil || d.count != 10 {
                throw ValidationError("\(d) is not a date written YYYY-MM-DD.")
            }
        }

        func run() throws {
            var f = AuthorizationFilter(limit: limit)
            f.trackingNumber = tracking
            f.memberID = member
            f.providerNPI = provider
            f.status = status
            f.priority = priority
            f.requestedFrom = requestedFrom
            f.requestedTo = requestedTo
            f.actionFrom = actionFrom
            f.actionTo = actionTo
            f.expiresFrom = expiresFrom
            f.expiresTo = expiresTo
            let rows = try store.open().read { try $0.authorizations(f) }
            print(["TRACKING NUMBER", "STATUS", "ACTION", "PRIORITY", "KIND", "MEMBER", "SERVICING", "REQUESTED", "FROM", "TO"]
                .joined(separator: "\t"))
            for r in rows {
                print([r.trackingNumber, r.status, r.action, r.priority, r.kind, r.memberID, r.servicingNPI ?? "-",
                       String(r.requestedAt.prefix(10)), r.serviceFrom ?? "-", r.serviceTo ?? "-"].joined(separator: "\t"))
            }
        }
    }

    /// `auth show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one authorization with its status history.")
        @Argument(help: "The tracking number.") var tracking: String
        @OptionGroup var store: StoreOption
        @Flag(help: "Also print the stored request and decision (domain JSON).") var json = false

        func run() throws {
            let s = try store.open()
            guard let r = try s.read({ try $0.authorization(trackingNumber: tracking) }) else {
                FileHandle.standardError.write(Data("x12gate auth show: no authorization \(tracking)\n".utf8))
                throw ExitCode(1)
            }
            let history = try s.read { try $0.history(authorizationID: r.id!) }
            print("tracking number  \(r.trackingNumber)")
            print("status           \(r.status) (\(r.action.isEmpty ? "no decision" : r.action)\(r.reasons.isEmpty ? "" : ", reasons \(r.reasons)"))")
            print("kind / priority  \(r.kind) / \(r.priority)")
            print("member           \(r.memberID)")
            print("requesting NPI   \(r.requestingNPI ?? "-")")
            print("servicing NPI    \(r.servicingNPI ?? "-")")
            print("diagnosis        \(r.diagnosis ?? "-")    procedure \(r.procedure ?? "-")")
            print("requested        \(r.requestedAt)    action date \(r.actionDate ?? "-")")
            print("period           \(r.serviceFrom ?? "-") to \(r.serviceTo ?? "-")    certified quantity \(r.certifiedQuantity.map(String.init) ?? "-")")
            print("partner          \(r.partner ?? "-")")
            print("history:")
            for h in history {
                print("  \(h.at)  \(h.status)\(h.action.map { " \($0)" } ?? "")  by \(h.actor)\(h.reasons.isEmpty ? "" : "  reasons \(h.reasons)")\(h.note.map { "  (\($0))" } ?? "")")
            }
            if json {
                print("request:  \(r.requestJSON)")
                print("decision: \(r.decisionJSON)")
            }
        }
    }

    /// `auth decide`.
    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve, modify or deny a pended authorization; writes the 278 response to the outbox.",
            discussion: """
            The response is written as <outbox>/<tracking number>-<n>.278 (n counts the decisions) and the decision is \
            appended to the status history. An approval is valid 89 days after the action date unless --to says otherwise.
            """)
        @Argument(help: "The tracking number.") var tracking: String
        @OptionGroup var store: StoreOption
        @Flag(exclusivity: .exclusive, help: "The decision.") var verdict: VerdictFlag
        @Option(name: .customLong("reason"), help: "A decision reason code (HCR03, e.g. 0F); repeatable.") var reasons: [String] = []
        @Option(help: "A note for the history.") var note: String?
        @Option(help: "Who decides.") var reviewer: String = ProcessInfo.processInfo.environment["USER"] ?? "reviewer"
        @Option(help: "--modify: the certified quantity.") var quantity: Int?
        @Option(help: "--modify: first certified day (YYYY-MM-DD).") var from: String?
        @Option(help: "--modify: last certified day (YYYY-MM-DD).") var to: String?
        @Option(help: "Where the 278 response goes.") var outbox: String
        @Option(help: "The site digits of tracking numbers (0-9999).") var site: Int = 7100

        enum VerdictFlag: String, EnumerableFlag { case approve, modify, deny }

        func run() throws {
            let verdict: AuthorizationReviewer.Verdict
            switch self.verdict {
            case .approve: verdict = .approve
            case .deny: verdict = .deny
            case .modify:
                let start = try from.map { try day($0) }, end = try to.map { try day($0) }
                guard quantity != nil || start != nil || end != nil else { throw ValidationError("--modify needs --quantity, --from or --to.") }
                verdict = .modify(quantity: quantity, from: start, to: end)
            }
            let s = try store.open()
            let written: String
            do {
                written = try AuthorizationDecisionPublisher(outbox: outbox, site: site)
                    .decide(tracking, verdict: verdict, reasons: reasons, note: note, reviewer: reviewer, store: s)
            } catch let e as AuthorizationReviewer.Refusal {
                FileHandle.standardError.write(Data("x12gate auth decide: \(e)\n".utf8))
                throw ExitCode(1)
            }
            print(written)
        }

        private func day(_ s: String) throws -> CalendarDate {
            guard s.count == 10, let d = CalendarDate(s) else { throw ValidationError("\(s) is not a date written YYYY-MM-DD.") }
            return d
        }
    }
}
