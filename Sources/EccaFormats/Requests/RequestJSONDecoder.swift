import ClauseGraph

/// Decodes the JSON request model (docs/requests.md) from a positioned JSON tree, naming the
/// field and line of every problem. Unknown members are errors: a misspelt field must not pass
/// silently as "unknown".
public struct RequestJSONDecoder: Sendable {
    public let vocabulary: RequestVocabulary
    public init(vocabulary: RequestVocabulary) { self.vocabulary = vocabulary }

    /// Decodes one request from JSON text. `firstLine` offsets line numbers (NDJSON records).
    public func decode(_ text: String, file: String, firstLine: Int = 1) throws(RequestError) -> DisclosureRequest {
        let value: JSONValue
        do {
            value = try JSONParser.parse(text, firstLine: firstLine)
        } catch {
            throw RequestError(file: file, line: error.line, message: "malformed JSON: \(error.message) (column \(error.column))")
        }
        return try decode(value, file: file)
    }

    public func decode(_ value: JSONValue, file: String) throws(RequestError) -> DisclosureRequest {
        let context = Context(file: file, vocabulary: vocabulary)
        let request = context.request(value)
        if let error = context.error { throw error }
        guard let request else { throw RequestError(file: file, line: value.line, message: "not a request") }
        return request
    }

    /// Decoding goes on past a problem, so that one run names every problem of a request: each
    /// field is read in `attempt`, which records what fails and gives nil (a placeholder is used
    /// in its place, and never leaves: any problem makes the whole request fail).
    final class Context {
        let file: String
        let vocabulary: RequestVocabulary
        private var problems = RequestProblems()

        init(file: String, vocabulary: RequestVocabulary) {
            self.file = file
            self.vocabulary = vocabulary
        }

        /// Every problem found, in the order of their lines, as one error (the first, with the
        /// others after it, up to `RequestError.listedLimit`), each naming the request when its id
        /// was read.
        var error: RequestError? { problems.error }

        /// A problem at `value`, to throw or to record; only made once one is found.
        func fail(_ value: JSONValue, _ path: String, _ message: String) -> RequestError {
            RequestError(file: file, line: value.line, field: path, message: message)
        }

        func record(_ error: RequestError) { problems.record(error) }

        func attempt<T>(_ body: () throws(RequestError) -> T) -> T? {
            do {
                return try body()
            } catch {
                problems.record(error)
                return nil
            }
        }

        /// `attempt` for a field that may be absent: nil when it is, or when it has a problem.
        func optional<T>(_ body: () throws(RequestError) -> T?) -> T? {
            attempt(body) ?? nil
        }

        /// The members of an object; each member not in `allowed` is a problem, recorded.
        func object(_ value: JSONValue, _ path: @autoclosure () -> String, allowed: [String]) throws(RequestError) -> [(key: String, value: JSONValue)] {
            guard case .object(let members, _) = value else { throw fail(value, path(), "expected an object, found \(value.typeName)") }
            for member in members where !allowed.contains(member.key) {
                let parent = path()
                record(fail(member.value, parent.isEmpty ? member.key : "\(parent).\(member.key)",
                            "unknown field (expected one of: \(allowed.joined(separator: ", ")))"))
            }
            return members
        }

        func string(_ value: JSONValue?, _ path: @autoclosure () -> String) throws(RequestError) -> String? {
            guard let value else { return nil }
            if case .null = value { return nil }
            guard case .string(let text, _) = value else { throw fail(value, path(), "expected a string, found \(value.typeName)") }
            // Every field is printed somewhere (an id in every output, a model or organisation
            // name in explanations on a terminal), so none may hold a character that changes how
            // a printed line reads (`ControlCharacters`).
            if let control = ControlCharacters.first(in: text) {
                throw fail(value, path(), "contains a control character (\(ControlCharacters.name(control))); a request's text may not hold line breaks, escapes or other control or bidirectional formatting characters")
            }
            // Spaces around a value are not part of it, as around a CSV cell: "Orion-7 " is the
            // model the letter names, as the same request in CSV reads it (JSON had called the
            // letter inapplicable and the disclosure clear where CSV found the conflict), and
            // "EU " is the Union.
            return FieldSpaces.trimmed(text)
        }

        func required(_ value: JSONValue?, in parent: JSONValue, _ path: @autoclosure () -> String) throws(RequestError) -> String {
            guard let text = try string(value, path()) else { throw fail(value ?? parent, path(), "required field is missing") }
            guard !text.isEmpty else { throw fail(value ?? parent, path(), "required field is empty") }
            return text
        }

        func bool(_ value: JSONValue?, _ path: @autoclosure () -> String) throws(RequestError) -> Bool? {
            guard let value else { return nil }
            if case .null = value { return nil }
            guard case .bool(let flag, _) = value else { throw fail(value, path(), "expected true or false, found \(value.typeName)") }
            return flag
        }

        func date(_ value: JSONValue?, _ path: @autoclosure () -> String) throws(RequestError) -> LegalDate? {
            guard let value, let text = try string(value, path()) else { return nil }
            guard let date = LegalDate(iso: text) else { throw fail(value, path(), "'\(text)' \(LegalDate.problem(iso: text) ?? "is not a date")") }
            return date
        }

        func country(_ value: JSONValue?, _ path: @autoclosure () -> String) throws(RequestError) -> String? {
            guard let value, let text = try string(value, path()) else { return nil }
            if let problem = CountryCodes.problem(text) { throw fail(value, path(), problem) }
            return text
        }

        /// `EU` for the Union (the Commission and its AI Office) or a country code: who may ask
        /// decides whether Arts 91 and 92 oblige anything, so "European Union" or "EC" must not
        /// pass for a national or foreign body.
        func jurisdiction(_ value: JSONValue?) throws(RequestError) -> String? {
            guard let value, let text = try string(value, "requester.jurisdiction") else { return nil }
            guard Jurisdictions.isValid(text) else {
                throw fail(value, "requester.jurisdiction", "'\(text)' is neither EU (the Union: the Commission and its AI Office) nor an ISO 3166-1 alpha-2 country code")
            }
            // EC is Ecuador's code, but in a request to an AI provider it far more likely means the
            // European Commission: read as Ecuador it would make Arts 91 and 92 bind nothing.
            guard text != "EC" else {
                throw fail(value, "requester.jurisdiction", "'EC' is ambiguous: it is Ecuador's ISO 3166-1 code, and also reads as the European Commission; "
                    + "write EU for the Commission and its AI Office (a body of a third country, Ecuador's included, has no power under Arts 91 and 92, as the caveat on who may ask says)")
            }
            return text
        }

        /// A list of strings; each element that is not one, or that `check` refuses (a message),
        /// is a problem, recorded.
        func strings(_ value: JSONValue?, _ path: @autoclosure () -> String,
                     check: (String) -> String? = { _ in nil }) throws(RequestError) -> [String]? {
            guard let value else { return nil }
            if case .null = value { return nil }
            guard case .array(let elements, _) = value else { throw fail(value, path(), "expected an array, found \(value.typeName)") }
            var result: [String] = []
            for (index, element) in elements.enumerated() {
                // The element's path is only written out for a problem: batches read many lists.
                guard let text = optional({ () throws(RequestError) in try string(element, "\(path())[\(index)]") }) else {
                    if case .null = element { record(fail(element, "\(path())[\(index)]", "null in a list")) }
                    continue
                }
                if let refused = check(text) { record(fail(element, "\(path())[\(index)]", refused)) }
                result.append(text)
            }
            return result
        }

        func enumValue(_ value: JSONValue?, in parent: JSONValue, _ path: @autoclosure () -> String, allowed: [String], what: String) throws(RequestError) -> String {
            let text = try required(value, in: parent, path())
            guard allowed.contains(text) else {
                throw fail(value ?? parent, path(), "unknown \(what) '\(text)' (expected one of: \(allowed.joined(separator: ", ")))")
            }
            return text
        }

        func request(_ value: JSONValue) -> DisclosureRequest? {
            guard attempt({ () throws(RequestError) in
                try object(value, "", allowed: ["id", "date", "deadline", "requester", "provider", "model", "items", "instruments"])
            }) != nil else { return nil }
            // Read in the model's order, so that the problems of a one-line request come in it.
            let id = attempt { () throws(RequestError) in try required(value["id"], in: value, "id") }
            let asked = optional { () throws(RequestError) in try date(value["date"], "date") }
            let deadline = optional { () throws(RequestError) in try date(value["deadline"], "deadline") }
            if let asked, let deadline, deadline < asked, let place = value["deadline"] {
                record(fail(place, "deadline", "'\(deadline)' is before the request's date (\(asked)): a request cannot fall due before it is made"))
            }
            let requesting = value["requester"].flatMap { v in attempt { () throws(RequestError) in try requester(v) } }
            let providing = value["provider"].flatMap { v in attempt { () throws(RequestError) in try provider(v) } }
            let trained = value["model"].flatMap { v in attempt { () throws(RequestError) in try model(v) } }
            var items: [DisclosureRequest.Item] = []
            if let itemsValue = value["items"] {
                if case .array(let itemValues, _) = itemsValue, !itemValues.isEmpty {
                    for (index, itemValue) in itemValues.enumerated() {
                        if let item = attempt({ () throws(RequestError) in try item(itemValue, "items[\(index)]") }) { items.append(item) }
                    }
                } else {
                    record(fail(itemsValue, "items", "expected a non-empty array of items"))
                }
            } else {
                record(fail(value, "items", "required field is missing"))
            }
            let request = DisclosureRequest(
                id: id ?? "", date: asked, deadline: deadline, requester: requesting, provider: providing, model: trained,
                items: items,
                instruments: optional { () throws(RequestError) in
                    try strings(value["instruments"], "instruments") { id in
                        vocabulary.instruments.map { $0.contains(id) } ?? true ? nil
                            : RequestVocabulary.unknownInstrument(id)
                    }
                })
            problems.requestID = id
            return request
        }

        func requester(_ value: JSONValue) throws(RequestError) -> DisclosureRequest.Requester {
            _ = try object(value, "requester", allowed: ["authority", "jurisdiction", "legalBasis"])
            return .init(authority: optional { () throws(RequestError) in try string(value["authority"], "requester.authority") },
                         jurisdiction: optional { () throws(RequestError) in try jurisdiction(value["jurisdiction"]) },
                         legalBasis: optional { () throws(RequestError) in try string(value["legalBasis"], "requester.legalBasis") })
        }

        func provider(_ value: JSONValue) throws(RequestError) -> DisclosureRequest.Provider {
            _ = try object(value, "provider", allowed: ["name", "establishedIn", "codeOfPractice"])
            let known = vocabulary.codeOfPracticeChapters
            let chapters = optional { () throws(RequestError) in
                try strings(value["codeOfPractice"], "provider.codeOfPractice") { chapter in
                    known.contains(chapter) ? nil : "unknown Code of Practice chapter '\(chapter)' (expected one of: \(known.joined(separator: ", ")))"
                }
            }
            return .init(name: optional { () throws(RequestError) in try string(value["name"], "provider.name") },
                         establishedIn: optional { () throws(RequestError) in try country(value["establishedIn"], "provider.establishedIn") },
                         codeOfPractice: chapters)
        }

        func model(_ value: JSONValue) throws(RequestError) -> DisclosureRequest.Model {
            _ = try object(value, "model", allowed: ["name", "trainingCompute", "weightsPublished", "weightsPublishedWithoutRestriction", "openSourceLicence",
                                                        "architectureAndUsagePublished", "systemicRiskDesignated", "derivedFromPublishedModel",
                                                        "placedOnEUMarket"])
            var figures: [DisclosureRequest.Compute]?
            if let computeValue = value["trainingCompute"] {
                switch computeValue {
                case .null: figures = nil
                case .array(let elements, _):
                    figures = elements.enumerated().compactMap { index, element in
                        optional { () throws(RequestError) in try compute(element, "model.trainingCompute[\(index)]") }
                    }
                default: figures = optional { () throws(RequestError) in try compute(computeValue, "model.trainingCompute") }.map { [$0] }
                }
            }
            if let figures {
                let units = figures.map(\.unit)
                if Set(units).count != units.count {
                    record(fail(value["trainingCompute"]!, "model.trainingCompute", "two figures in the same unit; give one per unit"))
                } else if let contradiction = DisclosureRequest.Model(trainingCompute: figures).computeContradiction {
                    record(fail(value["trainingCompute"]!, "model.trainingCompute", contradiction.description))
                }
            }
            let published = optional { () throws(RequestError) in try bool(value["weightsPublished"], "model.weightsPublished") }
            let unrestricted = optional { () throws(RequestError) in
                try bool(value["weightsPublishedWithoutRestriction"], "model.weightsPublishedWithoutRestriction")
            }
            // Published without restriction (15 CFR 734.7(a)) is made available to the public: the
            // two cannot both be said of one model's weights, and neither may silently win.
            if unrestricted == true, published == false, let field = value["weightsPublishedWithoutRestriction"] {
                record(fail(field, "model.weightsPublishedWithoutRestriction", "the weights cannot be published without restriction on their further dissemination "
                    + "while weightsPublished is false (not made available to the public): correct one of the two"))
            }
            return .init(name: optional { () throws(RequestError) in try string(value["name"], "model.name") },
                         trainingCompute: figures,
                         weightsPublished: published,
                         weightsPublishedWithoutRestriction: unrestricted,
                         openSourceLicence: optional { () throws(RequestError) in try bool(value["openSourceLicence"], "model.openSourceLicence") },
                         architectureAndUsagePublished: optional { () throws(RequestError) in
                             try bool(value["architectureAndUsagePublished"], "model.architectureAndUsagePublished")
                         },
                         systemicRiskDesignated: optional { () throws(RequestError) in
                             try bool(value["systemicRiskDesignated"], "model.systemicRiskDesignated")
                         },
                         derivedFromPublishedModel: optional { () throws(RequestError) in
                             try bool(value["derivedFromPublishedModel"], "model.derivedFromPublishedModel")
                         },
                         placedOnEUMarket: optional { () throws(RequestError) in try date(value["placedOnEUMarket"], "model.placedOnEUMarket") })
        }

        /// One training-compute figure; nil for a figure with any problem (recorded), so that no
        /// placeholder reaches the checks across figures.
        func compute(_ value: JSONValue, _ path: @autoclosure () -> String) throws(RequestError) -> DisclosureRequest.Compute? {
            let place = path()
            let before = problems.count
            _ = try object(value, place, allowed: ["value", "min", "max", "unit"])
            func number(_ member: String) throws(RequestError) -> ExactDecimal? {
                guard let field = value[member] else { return nil }
                let text: String
                switch field {
                case .null: return nil
                case .number(let written, _): text = written
                case .string(let written, _): text = written
                default: throw fail(field, "\(place).\(member)", "expected a number, found \(field.typeName)")
                }
                guard let decimal = ExactDecimal(text) else {
                    throw fail(field, "\(place).\(member)", "'\(text)' is not a finite number (at most 10^\(ExactDecimal.maximumExponent))")
                }
                if decimal.isNegative { throw fail(field, "\(place).\(member)", "training compute cannot be negative (\(text))") }
                return decimal
            }
            let unit: DisclosureRequest.Compute.Unit? = attempt { () throws(RequestError) in
                let unitText = try required(value["unit"], in: value, "\(place).unit")
                guard let unit = DisclosureRequest.Compute.Unit(rawValue: unitText) else {
                    throw fail(value["unit"]!, "\(place).unit", "unknown unit '\(unitText)' (expected FLOP or operations)")
                }
                return unit
            }
            let exact = optional { () throws(RequestError) in try number("value") }
            let low = optional { () throws(RequestError) in try number("min") }
            let high = optional { () throws(RequestError) in try number("max") }
            guard problems.count == before, let unit else { return nil }
            if exact == nil && low == nil && high == nil { throw fail(value, place, "give a value, or a min and/or max") }
            if exact != nil && (low != nil || high != nil) { throw fail(value, place, "give either a value or a range, not both") }
            if let low, let high, high < low { throw fail(value, place, "min \(low) exceeds max \(high)") }
            return .init(value: exact, min: low, max: high, unit: unit)
        }

        func item(_ value: JSONValue, _ path: @autoclosure () -> String) throws(RequestError) -> DisclosureRequest.Item {
            let place = path()
            _ = try object(value, place, allowed: ["id", "artifact", "channel", "alternatives", "recipients", "licences", "hostingLocation"])
            let channels = vocabulary.channels
            let artifact = attempt { () throws(RequestError) in
                try enumValue(value["artifact"], in: value, "\(place).artifact", allowed: vocabulary.artifacts, what: "artifact")
            }
            let channel = attempt { () throws(RequestError) in
                try enumValue(value["channel"], in: value, "\(place).channel", allowed: channels, what: "channel")
            }
            let alternatives = optional { () throws(RequestError) in
                try strings(value["alternatives"], "\(place).alternatives") { alternative in
                    channels.contains(alternative) ? nil : "unknown channel '\(alternative)' (expected one of: \(channels.joined(separator: ", ")))"
                }
            }
            var recipients: [DisclosureRequest.Recipient]?
            if let recipientsValue = value["recipients"] {
                if case .array(let elements, _) = recipientsValue {
                    recipients = elements.enumerated().compactMap { index, element in
                        attempt { () throws(RequestError) in try recipient(element, "\(place).recipients[\(index)]") }
                    }
                } else {
                    record(fail(recipientsValue, "\(place).recipients", "expected an array, found \(recipientsValue.typeName)"))
                }
            }
            return .init(id: optional { () throws(RequestError) in
                             try string(value["id"], "\(place).id")
                         },
                         artifact: artifact ?? "", channel: channel ?? "",
                         alternatives: alternatives, recipients: recipients,
                         licences: optional { () throws(RequestError) in
                             try strings(value["licences"], "\(place).licences") { vocabulary.licences?.problem($0) }
                         },
                         hostingLocation: optional { () throws(RequestError) in try country(value["hostingLocation"], "\(place).hostingLocation") })
        }

        func recipient(_ value: JSONValue, _ path: @autoclosure () -> String) throws(RequestError) -> DisclosureRequest.Recipient {
            let place = path()
            _ = try object(value, place, allowed: ["organisation", "nationalities", "location", "headquarters", "latestCitizenship",
                                                 "usPermanentResident", "governmentBody", "incorporatedIn", "role"])
            let nationalities = optional { () throws(RequestError) in
                try strings(value["nationalities"], "\(place).nationalities") { code in
                    CountryCodes.problem(code)
                }
            }
            let roles = vocabulary.recipientRoles
            let role = optional { () throws(RequestError) -> String? in
                guard let text = try string(value["role"], "\(place).role") else { return nil }
                guard roles.contains(text) else {
                    throw fail(value["role"]!, "\(place).role", "unknown role '\(text)' (expected one of: \(roles.joined(separator: ", ")))")
                }
                return text
            }
            let personal = ["nationalities", "latestCitizenship", "usPermanentResident"].filter { value[$0] != nil }
            /// A recipient given as a body (`field`) beside what describes a person is refused: the
            /// two are tested differently, and neither may switch the other's test off.
            func bodyBesidePersons(_ field: String, _ body: String, staffOf: String, itself: String, why: String) {
                guard !personal.isEmpty, let given = value[field] else { return }
                record(fail(given, "\(place).\(field)", "a recipient is either \(body) or natural persons, not both (\(personal.joined(separator: ", ")) \(personal.count == 1 ? "describes" : "describe") a person): "
                    + "for the staff of \(staffOf), leave \(field) out and name each person, or each group of one nationality, as a recipient of its own with their nationalities "
                    + "(\(why)); for the \(itself) itself, leave out what describes a person"))
            }
            // A government body (50 U.S.C. 4801(5)(B)) and natural persons of named nationalities
            // are tested differently: a release abroad to such persons is a deemed reexport to their
            // country (15 CFR 734.14(a)(2)) whatever body employs them, so the flag must not
            // switch that test off.
            let governmentBody = optional { () throws(RequestError) in try bool(value["governmentBody"], "\(place).governmentBody") }
            if governmentBody == true {
                bodyBesidePersons("governmentBody", "a government body", staffOf: "a body", itself: "body",
                                  why: "a release abroad to them is a deemed reexport to their country, 15 CFR 734.14(a)(2)")
            }
            // A body given by where it is incorporated is tested as the entity (50 U.S.C. 4801(5)(B)),
            // as a government body is: persons beside it would leave unsaid whether the release is
            // to the body or to them, and a foreign company would make a US national foreign.
            let incorporatedIn = optional { () throws(RequestError) in try country(value["incorporatedIn"], "\(place).incorporatedIn") }
            if incorporatedIn != nil {
                bodyBesidePersons("incorporatedIn", "a body", staffOf: "a company", itself: "company",
                                  why: "they are tested by their own nationality, 50 U.S.C. 4801(5)(A)")
            }
            return .init(organisation: optional { () throws(RequestError) in try string(value["organisation"], "\(place).organisation") },
                         nationalities: nationalities,
                         location: optional { () throws(RequestError) in try country(value["location"], "\(place).location") },
                         headquarters: optional { () throws(RequestError) in try country(value["headquarters"], "\(place).headquarters") },
                         latestCitizenship: optional { () throws(RequestError) in try country(value["latestCitizenship"], "\(place).latestCitizenship") },
                         usPermanentResident: optional { () throws(RequestError) in try bool(value["usPermanentResident"], "\(place).usPermanentResident") },
                         governmentBody: governmentBody,
                         incorporatedIn: incorporatedIn,
                         role: role)
        }
    }
}
