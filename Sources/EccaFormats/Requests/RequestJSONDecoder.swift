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
        var context = Context(file: file, vocabulary: vocabulary)
        return try context.request(value)
    }

    struct Context {
        let file: String
        let vocabulary: RequestVocabulary
        var requestID: String?

        /// Only ever called on the way to a throw: its arguments are needed whenever it runs.
        func fail(_ value: JSONValue, _ path: String, _ message: String) -> RequestError {
            RequestError(file: file, line: value.line, field: path, message: message, requestID: requestID)
        }

        func object(_ value: JSONValue, _ path: @autoclosure () -> String, allowed: [String]) throws(RequestError) -> [(key: String, value: JSONValue)] {
            guard case .object(let members, _) = value else { throw fail(value, path(), "expected an object, found \(value.typeName)") }
            for member in members where !allowed.contains(member.key) {
                let parent = path()
                throw fail(member.value, parent.isEmpty ? member.key : "\(parent).\(member.key)",
                           "unknown field (expected one of: \(allowed.joined(separator: ", ")))")
            }
            return members
        }

        func string(_ value: JSONValue?, _ path: @autoclosure () -> String) throws(RequestError) -> String? {
            guard let value else { return nil }
            if case .null = value { return nil }
            guard case .string(let text, _) = value else { throw fail(value, path(), "expected a string, found \(value.typeName)") }
            return text
        }

        func required(_ value: JSONValue?, in parent: JSONValue, _ path: @autoclosure () -> String) throws(RequestError) -> String {
            guard let text = try string(value, path()), !text.isEmpty else { throw fail(value ?? parent, path(), "required field is missing") }
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
            guard let date = LegalDate(iso: text) else { throw fail(value, path(), "'\(text)' is not an ISO date (YYYY-MM-DD)") }
            return date
        }

        func country(_ value: JSONValue?, _ path: @autoclosure () -> String) throws(RequestError) -> String? {
            guard let value, let text = try string(value, path()) else { return nil }
            guard CountryCodes.isValid(text) else { throw fail(value, path(), "'\(text)' is not an ISO 3166-1 alpha-2 country code") }
            return text
        }

        func strings(_ value: JSONValue?, _ path: @autoclosure () -> String) throws(RequestError) -> [String]? {
            guard let value else { return nil }
            if case .null = value { return nil }
            guard case .array(let elements, _) = value else { throw fail(value, path(), "expected an array, found \(value.typeName)") }
            var result: [String] = []
            for (index, element) in elements.enumerated() {
                guard let text = try string(element, "\(path())[\(index)]") else { throw fail(element, "\(path())[\(index)]", "null in a list") }
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

        mutating func request(_ value: JSONValue) throws(RequestError) -> DisclosureRequest {
            _ = try object(value, "", allowed: ["id", "date", "deadline", "requester", "provider", "model", "items", "instruments"])
            let id = try required(value["id"], in: value, "id")
            requestID = id
            var items: [DisclosureRequest.Item] = []
            guard let itemsValue = value["items"] else { throw fail(value, "items", "required field is missing") }
            guard case .array(let itemValues, _) = itemsValue, !itemValues.isEmpty else {
                throw fail(itemsValue, "items", "expected a non-empty array of items")
            }
            for (index, itemValue) in itemValues.enumerated() { items.append(try item(itemValue, "items[\(index)]")) }
            return DisclosureRequest(
                id: id,
                date: try date(value["date"], "date"),
                deadline: try date(value["deadline"], "deadline"),
                requester: try value["requester"].map { (v: JSONValue) throws(RequestError) in try requester(v) },
                provider: try value["provider"].map { (v: JSONValue) throws(RequestError) in try provider(v) },
                model: try value["model"].map { (v: JSONValue) throws(RequestError) in try model(v) },
                items: items,
                instruments: try strings(value["instruments"], "instruments"))
        }

        func requester(_ value: JSONValue) throws(RequestError) -> DisclosureRequest.Requester {
            _ = try object(value, "requester", allowed: ["authority", "jurisdiction", "legalBasis"])
            return .init(authority: try string(value["authority"], "requester.authority"),
                         jurisdiction: try string(value["jurisdiction"], "requester.jurisdiction"),
                         legalBasis: try string(value["legalBasis"], "requester.legalBasis"))
        }

        func provider(_ value: JSONValue) throws(RequestError) -> DisclosureRequest.Provider {
            _ = try object(value, "provider", allowed: ["name", "establishedIn", "codeOfPractice"])
            let chapters = try strings(value["codeOfPractice"], "provider.codeOfPractice")
            for (index, chapter) in (chapters ?? []).enumerated() where !vocabulary.codeOfPracticeChapters.contains(chapter) {
                throw fail(value["codeOfPractice"]!, "provider.codeOfPractice[\(index)]",
                           "unknown Code of Practice chapter '\(chapter)' (expected one of: \(vocabulary.codeOfPracticeChapters.joined(separator: ", ")))")
            }
            return .init(name: try string(value["name"], "provider.name"),
                         establishedIn: try country(value["establishedIn"], "provider.establishedIn"),
                         codeOfPractice: chapters)
        }

        func model(_ value: JSONValue) throws(RequestError) -> DisclosureRequest.Model {
            _ = try object(value, "model", allowed: ["name", "trainingCompute", "weightsPublished", "openSourceLicence", "placedOnEUMarket"])
            var figures: [DisclosureRequest.Compute]?
            if let computeValue = value["trainingCompute"] {
                switch computeValue {
                case .null: figures = nil
                case .array(let elements, _):
                    var list: [DisclosureRequest.Compute] = []
                    for (index, element) in elements.enumerated() { list.append(try compute(element, "model.trainingCompute[\(index)]")) }
                    figures = list
                default: figures = [try compute(computeValue, "model.trainingCompute")]
                }
            }
            if let figures {
                let units = figures.map(\.unit)
                if Set(units).count != units.count {
                    throw fail(value["trainingCompute"]!, "model.trainingCompute", "two figures in the same unit; give one per unit")
                }
            }
            return .init(name: try string(value["name"], "model.name"), trainingCompute: figures,
                         weightsPublished: try bool(value["weightsPublished"], "model.weightsPublished"),
                         openSourceLicence: try bool(value["openSourceLicence"], "model.openSourceLicence"),
                         placedOnEUMarket: try date(value["placedOnEUMarket"], "model.placedOnEUMarket"))
        }

        func compute(_ value: JSONValue, _ path: @autoclosure () -> String) throws(RequestError) -> DisclosureRequest.Compute {
            _ = try object(value, path(), allowed: ["value", "min", "max", "unit"])
            func number(_ member: String) throws(RequestError) -> ExactDecimal? {
                guard let field = value[member] else { return nil }
                let text: String
                switch field {
                case .null: return nil
                case .number(let written, _): text = written
                case .string(let written, _): text = written
                default: throw fail(field, "\(path()).\(member)", "expected a number, found \(field.typeName)")
                }
                guard let decimal = ExactDecimal(text) else {
                    throw fail(field, "\(path()).\(member)", "'\(text)' is not a finite number (at most 10^\(ExactDecimal.maximumExponent))")
                }
                if decimal.isNegative { throw fail(field, "\(path()).\(member)", "training compute cannot be negative (\(text))") }
                return decimal
            }
            let unitText = try required(value["unit"], in: value, "\(path()).unit")
            guard let unit = DisclosureRequest.Compute.Unit(rawValue: unitText) else {
                throw fail(value["unit"]!, "\(path()).unit", "unknown unit '\(unitText)' (expected FLOP or operations)")
            }
            let exact = try number("value")
            let low = try number("min")
            let high = try number("max")
            if exact == nil && low == nil && high == nil { throw fail(value, path(), "give a value, or a min and/or max") }
            if exact != nil && (low != nil || high != nil) { throw fail(value, path(), "give either a value or a range, not both") }
            if let low, let high, high < low { throw fail(value, path(), "min \(low) exceeds max \(high)") }
            return .init(value: exact, min: low, max: high, unit: unit)
        }

        func item(_ value: JSONValue, _ path: @autoclosure () -> String) throws(RequestError) -> DisclosureRequest.Item {
            _ = try object(value, path(), allowed: ["id", "artifact", "channel", "alternatives", "recipients", "licences", "hostingLocation"])
            let artifact = try enumValue(value["artifact"], in: value, "\(path()).artifact", allowed: vocabulary.artifacts, what: "artifact")
            let channel = try enumValue(value["channel"], in: value, "\(path()).channel", allowed: vocabulary.channels, what: "channel")
            let alternatives = try strings(value["alternatives"], "\(path()).alternatives")
            for (index, alternative) in (alternatives ?? []).enumerated() where !vocabulary.channels.contains(alternative) {
                throw fail(value["alternatives"]!, "\(path()).alternatives[\(index)]",
                           "unknown channel '\(alternative)' (expected one of: \(vocabulary.channels.joined(separator: ", ")))")
            }
            var recipients: [DisclosureRequest.Recipient]?
            if let recipientsValue = value["recipients"] {
                guard case .array(let elements, _) = recipientsValue else {
                    throw fail(recipientsValue, "\(path()).recipients", "expected an array, found \(recipientsValue.typeName)")
                }
                var list: [DisclosureRequest.Recipient] = []
                for (index, element) in elements.enumerated() { list.append(try recipient(element, "\(path()).recipients[\(index)]")) }
                recipients = list
            }
            return .init(id: try string(value["id"], "\(path()).id"), artifact: artifact, channel: channel,
                         alternatives: alternatives, recipients: recipients,
                         licences: try strings(value["licences"], "\(path()).licences"),
                         hostingLocation: try country(value["hostingLocation"], "\(path()).hostingLocation"))
        }

        func recipient(_ value: JSONValue, _ path: @autoclosure () -> String) throws(RequestError) -> DisclosureRequest.Recipient {
            _ = try object(value, path(), allowed: ["organisation", "nationalities", "location", "headquarters", "latestCitizenship",
                                                  "usPermanentResident", "governmentBody", "role"])
            var nationalities: [String]?
            if let list = try strings(value["nationalities"], "\(path()).nationalities") {
                for (index, code) in list.enumerated() where !CountryCodes.isValid(code) {
                    throw fail(value["nationalities"]!, "\(path()).nationalities[\(index)]", "'\(code)' is not an ISO 3166-1 alpha-2 country code")
                }
                nationalities = list
            }
            var role: String?
            if let text = try string(value["role"], "\(path()).role") {
                guard vocabulary.recipientRoles.contains(text) else {
                    throw fail(value["role"]!, "\(path()).role", "unknown role '\(text)' (expected one of: \(vocabulary.recipientRoles.joined(separator: ", ")))")
                }
                role = text
            }
            return .init(organisation: try string(value["organisation"], "\(path()).organisation"),
                         nationalities: nationalities,
                         location: try country(value["location"], "\(path()).location"),
                         headquarters: try country(value["headquarters"], "\(path()).headquarters"),
                         latestCitizenship: try country(value["latestCitizenship"], "\(path()).latestCitizenship"),
                         usPermanentResident: try bool(value["usPermanentResident"], "\(path()).usPermanentResident"),
                         governmentBody: try bool(value["governmentBody"], "\(path()).governmentBody"),
                         role: role)
        }
    }
}
