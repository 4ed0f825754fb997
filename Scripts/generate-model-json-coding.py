#!/usr/bin/env python3
"""Writes, from the stored properties of the AuthModel types (in declaration order):
- Sources/X12Mapping/ModelJSON/ModelJSONCoding+AuthModel.swift: the non-Codable model JSON writing and reading
  functions of every AuthModel type;
- Sources/AuthModel/Codable+AuthModel.swift: the `Codable` conformance of every AuthModel struct that holds a
  list (keys in declaration order, nil optionals and empty lists left out, a missing list key read as `[]`).

Run from the repository root after changing a type in Sources/AuthModel:
    python3 Scripts/generate-model-json-coding.py
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "Sources", "AuthModel")
OUT = os.path.join(ROOT, "Sources", "X12Mapping", "ModelJSON", "ModelJSONCoding+AuthModel.swift")
CODABLE_OUT = os.path.join(SRC, "Codable+AuthModel.swift")
HAND_WRITTEN = {"CalendarDate"}   # custom Codable: coded in ModelJSONCoding.swift

ALIASES = {}   # `public typealias A = B` in Sources/AuthModel (filled by `parse`)
ALIAS = re.compile(r"^\s*public typealias (\w+)\s*=\s*(\w+)\s*$")
DECL = re.compile(r"^\s*public (?:indirect )?(struct|enum) (\w+)\s*:\s*([^{]*)\{")
PROP = re.compile(r"^\s*public var (\w+): ([^={]+?)\s*(=.*)?$")


def strip_comment(line):
    return line.split("//")[0] if "///" not in line else ""


def swift_literal(text):
    """`text` as the body of a Swift string literal."""
    return text.replace("\\", "\\\\").replace("\"", "\\\"")


# The most bytes the writer's fast path writes for a value of each simple type (its `reserved:` writes; a slow path
# that writes more keeps the rest of the reservation itself): a small string quoted (two words and a quote), a
# date, a decimal (`DecimalText.maxLength`), an integer (sign and 19 digits), `false`.
BUDGET = {"String": 17, "CalendarDate": 12, "Decimal": 48, "Int": 20, "Bool": 5}
WRITER = {"String": "string(at: %s, reserved: true)", "CalendarDate": "date(%s, reserved: true)",
          "Decimal": "decimal(%s, reserved: true)", "Int": "int(%s, reserved: true)", "Bool": "bool(%s, reserved: true)"}


def write_json(w, props, structs, enums):
    """The `writeJSON` function of a struct: each key with its punctuation as one literal run (`{"a":` for a
    first required property, `,"b":` once a property has surely been written); keys that may be left out (a nil
    optional, an empty list) before the first required property check for the comma at run time (`key`). The
    fields are read in place through a pointer (`writeJSON(at:to:)`, which the list writer calls on its elements):
    a struct or list field, optional or not, is written through a pointer to it (`p.pointer(to: \\.field)`, an
    offset fixed at compile time; `wrapped()` for the value inside an optional), and a string field is read by
    the writer where it lies (`w.string(at:)`), so no value is copied (with a retain and release of each of its
    references) for the call. Enumerations, numbers and dates are read as they are.

    Room in the buffer is made once for each run of fields between two nested values (a struct or a list, which
    make their own): `w.reserve(n)` with `n` the most bytes the run's keys and values can take (`BUDGET`, an
    enumeration's longest raw value), then the keys and simple values are written with `reserved: true`, without
    a capacity check each."""
    w.append("    func writeJSON(to w: inout ModelJSONWriter) {")
    w.append("        withUnsafePointer(to: self) { Self.writeJSON(at: $0, to: &w) }")
    w.append("    }")
    w.append("")
    w.append("    static func writeJSON(at p: UnsafePointer<Self>, to w: inout ModelJSONWriter) {")
    body = []      # lines of the function after the first reservation
    runs = [0]     # bytes of each run; a `None` line in `body` starts a new run (its `reserve` filled in below)
    state = "start"   # start: nothing written; open: `{` written, maybe keys; known: some key written
    for n, t in props:
        omissible = t.endswith("?") or t.startswith("[")   # left out when nil / empty
        if state == "start" and not omissible:
            lead, state = "{", "known"
        else:
            if state == "start":
                body.append("        w.open(reserved: true)")
                runs[-1] += 1
                state = "open"
            lead = "," if state == "known" else None
        if lead is None:
            key = "w.key(\"%s\", reserved: true)" % swift_literal('"%s":' % n)
            runs[-1] += 1 + len(('"%s":' % n).encode())
        else:
            key = "w.literal(\"%s\", reserved: true)" % swift_literal('%s"%s":' % (lead, n))
            runs[-1] += len(('%s"%s":' % (lead, n)).encode())
        f = "p.pointee." + n
        base = t[:-1] if t.endswith("?") else t
        resolved = ALIASES.get(base, base)
        nested_value = t.startswith("[") or (resolved in structs and resolved not in HAND_WRITTEN)
        if resolved in BUDGET:
            runs[-1] += BUDGET[resolved]
        elif resolved in enums and not any(c < " " or c in "\"\\" for _, raw in enums[resolved] for c in raw):
            runs[-1] += 2 + max(len(raw.encode()) for _, raw in enums[resolved])
        elif not nested_value:
            sys.exit("no byte budget for %s" % t)
        if t.startswith("["):
            line = "        if !%s.isEmpty { %s; %s.writeJSON(at: p.pointer(to: \\.%s)!, to: &w) }" % (f, key, t, n)
        elif nested_value and t.endswith("?"):
            line = "        if let v = p.pointer(to: \\.%s)!.wrapped() { %s; %s.writeJSON(at: v, to: &w) }" % (n, key, base)
        elif nested_value:
            line = "        %s; %s.writeJSON(at: p.pointer(to: \\.%s)!, to: &w)" % (key, base, n)
        elif resolved == "String" and t.endswith("?"):
            line = "        if let v = p.pointer(to: \\.%s)!.wrapped() { %s; w.%s }" % (n, key, WRITER["String"] % "v")
        elif resolved == "String":
            line = "        %s; w.%s" % (key, WRITER["String"] % ("p.pointer(to: \\.%s)!" % n))
        elif resolved in WRITER and t.endswith("?"):
            line = "        if let v = %s { %s; w.%s }" % (f, key, WRITER[resolved] % "v")
        elif resolved in WRITER:
            line = "        %s; w.%s" % (key, WRITER[resolved] % f)
        elif t.endswith("?"):   # an enumeration, in the reserved room
            line = "        if let v = %s { %s; v.writeJSON(to: &w, reserved: true) }" % (f, key)
        else:
            line = "        %s; %s.writeJSON(to: &w, reserved: true)" % (key, f)
        body.append(line)
        if nested_value:
            body.append(None)
            runs.append(0)
        if not omissible:
            state = "known"
    if state == "start":
        body.append("        w.literal(\"{}\", reserved: true)")
        runs[-1] += 2
    else:
        body.append("        w.byte(0x7D, reserved: true)")
        runs[-1] += 1
    k = 0
    w.append("        w.reserve(%d)" % runs[0])
    for line in body:
        if line is None:
            k += 1
            w.append("        w.reserve(%d)" % runs[k])
        else:
            w.append(line)
    w.append("    }")


def write_enums(w, enums):
    """Each enumeration's `writeJSON`: its quoted raw value as one literal run per case (no `rawValue` string
    made and scanned for escapes); inlined in the struct writers, in their reserved room."""
    for e in sorted(enums):
        if any(c < " " or c in "\"\\" for _, raw in enums[e] for c in raw):
            continue   # a raw value that needs escapes: the protocol's `w.string(rawValue)`
        w.append("extension %s {" % e)
        w.append("    func writeJSON(to w: inout ModelJSONWriter) { writeJSON(to: &w, reserved: false) }")
        w.append("")
        w.append("    /// With `reserved`, in room made by `w.reserve` (at most the longest raw value and its quotes).")
        w.append("    @inline(__always) func writeJSON(to w: inout ModelJSONWriter, reserved: Bool) {")
        w.append("        switch self {")
        for name, raw in enums[e]:
            w.append("        case .%s: w.literal(\"%s\", reserved: reserved)" % (name, swift_literal('"%s"' % raw)))
        w.append("        }")
        w.append("    }")
        w.append("}")
        w.append("")


def parse():
    structs = {}   # qualified name -> dict(props, init)
    enums = {}     # qualified name -> [(case, raw value)]
    nested = {}    # parent -> set of nested names
    for dirpath, _, files in os.walk(SRC):
        for f in sorted(files):
            if not f.endswith(".swift"):
                continue
            lines = open(os.path.join(dirpath, f)).read().split("\n")
            stack = []   # (name, depth at which its body lives)
            depth = 0
            i = 0
            while i < len(lines):
                line = strip_comment(lines[i])
                am = ALIAS.match(line)
                if am:
                    ALIASES[am.group(1)] = am.group(2)
                m = DECL.match(line)
                if m:
                    kind, name, conf = m.groups()
                    parent = stack[-1][0] if stack else None
                    q = parent + "." + name if parent else name
                    if parent:
                        nested.setdefault(parent, set()).add(name)
                    if "Codable" in conf:
                        if kind == "enum":
                            if not conf.strip().startswith("String"):
                                sys.exit("enum %s is not a String enum" % q)
                            enums[q] = []
                        else:
                            structs[q] = {"props": [], "init": None}
                    stack.append((q, depth + 1))
                elif stack and depth == stack[-1][1] and stack[-1][0] in enums:
                    cm = re.match(r"^\s*case (`?\w+`?)\s*(?:=\s*\"([^\"]*)\")?\s*$", line)
                    if cm:
                        name = cm.group(1)
                        enums[stack[-1][0]].append((name, cm.group(2) if cm.group(2) is not None else name.strip("`")))
                elif stack and depth == stack[-1][1] and stack[-1][0] in structs:
                    s = structs[stack[-1][0]]
                    pm = PROP.match(line)
                    if pm and "{" not in line:
                        s["props"].append((pm.group(1), pm.group(2).strip()))
                    elif re.match(r"^\s*public init\(", line) and s["init"] is None:
                        text = line
                        j = i
                        while text.count("(") > text.count(")"):
                            j += 1
                            text += " " + strip_comment(lines[j]).strip()
                        s["init"] = text[text.index("(") + 1:text.rindex(")")]
                        s["init_body"] = init_body(lines, j, text)
                depth += line.count("{") - line.count("}")
                while stack and depth < stack[-1][1]:
                    stack.pop()
                i += 1
    return structs, enums, nested


def init_body(lines, j, head):
    """The statements of the init whose signature ends on line `j` (`head` is its text), one per line."""
    body, level = [], head.count("{") - head.count("}")
    if level <= 0:
        j += 1
        while "{" not in strip_comment(lines[j]):
            j += 1
        level = 1
    while level > 0:
        j += 1
        line = strip_comment(lines[j]).strip()
        level += line.count("{") - line.count("}")
        if level > 0 and line:
            body.append(line)
    return body


def init_params(text):
    """(label, name, default or None) of each parameter of an init's parameter list."""
    out = []
    for p in split_params(text or ""):
        head, rest = p.split(":", 1)
        parts = head.split()
        label, name = (parts[0], parts[1]) if len(parts) == 2 else (parts[0], parts[0])
        default = rest.split("=", 1)[1].strip() if "=" in rest else None
        out.append((label, name, default))
    return out


def whole_init(s, props):
    """The init's parameters when it takes every stored property and only assigns them (`self.x = x`), so the
    reader can build the value with one call; `None` otherwise."""
    params = init_params(s["init"])
    names = [n for n, _ in props]
    if sorted(n for _, n, _ in params) != sorted(names):
        return None
    if sorted(s.get("init_body", [])) != sorted("self.%s = %s" % (n, n) for n in names):
        return None
    return params


def split_params(text):
    out, cur, level = [], "", 0
    for ch in text:
        if ch in "([<":
            level += 1
        elif ch in ")]>":
            level -= 1
        if ch == "," and level == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


def qualify(t, owner, nested):
    """Qualifies nested type names used inside `owner` (`Kind` → `PartyIdentifier.Kind`)."""
    def rep(m):
        name = m.group(0)
        o = owner
        while o:
            if name in nested.get(o, ()):
                return o + "." + name
            o = o.rsplit(".", 1)[0] if "." in o else None
        return name
    return re.sub(r"(?<![\w.])[A-Z]\w*", rep, t)


SIMPLE_PLACEHOLDERS = {"String": '""', "Bool": "false", "Int": "0", "Decimal": "0",
                       "CalendarDate": "CalendarDate(year: 2000, month: 1, day: 1)"}


def placeholder(t, structs, enums, nested, depth=0):
    """A cheap value of type `t` to start a field at before its key is read (the key is still required), or
    `None` when there is none (then the reader keeps its fields in locals)."""
    t = ALIASES.get(t, t)
    if t.endswith("?"):
        return "nil"
    if t.startswith("["):
        return "[]"
    if t in SIMPLE_PLACEHOLDERS:
        return SIMPLE_PLACEHOLDERS[t]
    if t in enums:
        return "%s.%s" % (t, enums[t][0][0])
    if t in structs and depth < 3:
        s = structs[t]
        props = [(n, qualify(pt, t, nested)) for n, pt in s["props"]]
        whole = whole_init(s, props)
        if not whole or not all(d is None or heap_free_default(d, structs, enums, nested, depth) for _, _, d in whole):
            return None
        types = dict(props)
        args = []
        for label, n, d in whole:
            if d is not None:
                continue
            v = placeholder(types[n], structs, enums, nested, depth + 1)
            if v is None:
                return None
            args.append(("%s: %s" % (label, v)) if label != "_" else v)
        return "%s(%s)" % (t, ", ".join(args))
    return None


def heap_free_default(d, structs, enums, nested, depth):
    """Whether an init default holds no counted reference (the placeholder's bytes are copied as they are, see
    `ModelJSONPrototype`): `nil`, `[]`, `""`, a Boolean, a number, an enumeration case, or `T()` of such a type."""
    if re.match(r'^(nil|\[\]|""|false|true|-?[0-9]+(\.[0-9]+)?|\.[A-Za-z_]\w*)$', d):
        return True
    m = re.match(r"^([A-Z]\w*)\(\)$", d)
    return bool(m) and placeholder(m.group(1), structs, enums, nested, depth + 1) == d


def read_entries(w, props, target):
    """The loop over an object's keys: each matched as packed words (the writer's next key tried first, any
    order accepted, unknown keys skipped, a duplicate refused), its value read into `target(name)`."""
    w.append("        var seen: UInt64 = 0")
    w.append("        if try r.beginObject() {")
    w.append("            let keys = Self.jsonKeys")
    w.append("            var expected = 0")
    w.append("            repeat {")
    w.append("                let f = try r.key(keys, expected: expected)")
    w.append("                if f < 0 {")
    w.append("                    try r.skipValue()")
    w.append("                    continue")
    w.append("                }")
    w.append("                expected = f + 1")
    w.append("                guard seen & (1 << f) == 0 else { throw ModelJSONReader.Failure() }")
    w.append("                seen |= 1 << f")
    w.append("                switch f {")
    for k, (n, t) in enumerate(props):
        base = t[:-1] if t.endswith("?") else t
        if t.endswith("?"):
            w.append("                case %d: %s = r.null() ? nil : try %s.readJSON(&r)" % (k, target(n), base))
        elif t.startswith("["):
            # the field starts empty: `[]` is read without a call
            w.append("                case %d: if !r.emptyList() { %s = try %s.readJSON(&r) }" % (k, target(n), base))
        else:
            w.append("                case %d: %s = try %s.readJSON(&r)" % (k, target(n), base))
    w.append("                default: break")
    w.append("                }")
    w.append("            } while try r.nextEntry()")
    w.append("        }")
    # every non-optional property but a list must be present (as the synthesized Decodable asks), defaulted or not
    mask = sum(1 << k for k, (n, t) in enumerate(props) if not t.endswith("?") and not t.startswith("["))
    if mask:
        w.append("        guard seen & 0x%X == 0x%X else { throw ModelJSONReader.Failure() }" % (mask, mask))


def read_json(w, q, s, props, structs, enums, nested):
    """The `readJSON` function of struct `q`: one pass over the object at the cursor. A missing list key reads as
    an empty list; every other non-optional key is required (as `Decodable` asks).

    When the type's init takes every property and only assigns it, and each required field has a cheap
    placeholder, the value is made first (lists empty, optionals nil, required fields at a placeholder) and each
    field is read straight into it: one value in memory, mutated in place (large values kept in locals are
    copied around the loop, and the finished value copied again). Otherwise each field is read into a local and
    the init is called once at the end (`consume`: each local moved, not copied)."""
    whole = whole_init(s, props)
    defaults = {n: d for _, n, d in whole} if whole else {}
    w.append("    static func readJSON(_ r: inout ModelJSONReader) throws(ModelJSONReader.Failure) -> %s {" % q)
    start = placeholder(q, structs, enums, nested) if whole else None
    if start is not None:
        w.append("        try withUnsafeTemporaryAllocation(of: %s.self, capacity: 1) { (b) throws(ModelJSONReader.Failure) -> %s in" % (q, q))
        w.append("            let value = b.baseAddress!")
        w.append("            Self.jsonStart.initialize(value)")
        w.append("            do throws(ModelJSONReader.Failure) {")
        body = []
        read_entries(body, props, lambda n: "value.pointee." + n)
        w.extend("        " + line for line in body)
        w.append("            } catch {")
        w.append("                value.deinitialize(count: 1)")
        w.append("                throw error")
        w.append("            }")
        w.append("            return value.move()")
        w.append("        }")
        return
    for n, t in props:
        if t.endswith("?"):
            w.append("        var %s: %s = nil" % (n, t))
        elif t.startswith("["):
            w.append("        var %s: %s = []" % (n, t))
        elif defaults.get(n) is not None:
            w.append("        var %s: %s = %s" % (n, t, defaults[n]))
        else:
            w.append("        var %s: %s? = nil" % (n, t))
    read_entries(w, props, lambda n: n)
    unwrapped = [n for n, t in props if not t.endswith("?") and not t.startswith("[") and defaults.get(n) is None]
    if unwrapped:
        w.append("        guard %s else { throw ModelJSONReader.Failure() }" % ", ".join("let %s" % n for n in unwrapped))
    if whole:
        # `consume`: each local is moved into the value, not copied and then destroyed (bitwise-copyable ones are
        # copied as they are)
        types = dict(props)
        def arg(n):
            base = types[n].rstrip("?")
            return n if base in ("Bool", "Int", "Decimal", "CalendarDate") or base in enums else "consume " + n
        args = [("%s: %s" % (label, arg(n))) if label != "_" else arg(n) for label, n, _ in whole]
        w.append("        return %s(%s)" % (q, ", ".join(args)))
    else:
        # the first public init with its required parameters, then every property set
        args = [("%s: %s" % (label, n)) if label != "_" else n for label, n, d in init_params(s["init"]) if d is None]
        w.append("        var result = %s(%s)" % (q, ", ".join(args)))
        for n, _ in props:
            w.append("        result.%s = %s" % (n, n))
        w.append("        return result")


def write_codable(structs):
    """The `Codable` conformance of each struct with a list property, as the synthesized one (a nil optional is
    left out, a required key must be present) except that an empty list is left out and a missing list key
    reads as an empty list. Structs without lists keep the synthesized conformance, which gives the same form."""
    w = []
    w.append("// Generated by Scripts/generate-model-json-coding.py from Sources/AuthModel; do not edit.")
    w.append("// swiftlint:disable all")
    w.append("import Foundation")
    w.append("")
    w.append("// The `Codable` conformances of the model types that hold lists. Keys are the property names in")
    w.append("// declaration order; a nil optional and an EMPTY LIST are left out; on input a missing (or null) list key")
    w.append("// is an empty list, so JSON written with `\"key\":[]` (the form before) reads the same; every other")
    w.append("// non-optional key is required, as in the synthesized conformance. Types without lists keep theirs.")
    count = 0
    for q in sorted(structs):
        props = structs[q]["props"]
        if q in HAND_WRITTEN or not any(t.startswith("[") for _, t in props):
            continue
        count += 1
        w.append("")
        w.append("extension %s {" % q)
        w.append("    private enum CodingKeys: String, CodingKey {")
        w.append("        case %s" % ", ".join(n for n, _ in props))
        w.append("    }")
        w.append("")
        w.append("    /// Reads the value from its model JSON object; a missing list key is an empty list.")
        w.append("    public init(from decoder: any Decoder) throws {")
        w.append("        let c = try decoder.container(keyedBy: CodingKeys.self)")
        for n, t in props:
            if t.endswith("?"):
                w.append("        %s = try c.decodeIfPresent(%s.self, forKey: .%s)" % (n, t[:-1], n))
            elif t.startswith("["):
                w.append("        %s = try c.decodeIfPresent(%s.self, forKey: .%s) ?? []" % (n, t, n))
            else:
                w.append("        %s = try c.decode(%s.self, forKey: .%s)" % (n, t, n))
        w.append("    }")
        w.append("")
        w.append("    /// Writes the value's model JSON object: nil optionals and empty lists are left out.")
        w.append("    public func encode(to encoder: any Encoder) throws {")
        w.append("        var c = encoder.container(keyedBy: CodingKeys.self)")
        for n, t in props:
            if t.endswith("?"):
                w.append("        try c.encodeIfPresent(%s, forKey: .%s)" % (n, n))
            elif t.startswith("["):
                w.append("        if !%s.isEmpty { try c.encode(%s, forKey: .%s) }" % (n, n, n))
            else:
                w.append("        try c.encode(%s, forKey: .%s)" % (n, n))
        w.append("    }")
        w.append("}")
    w.append("")
    open(CODABLE_OUT, "w").write("\n".join(w))
    print("wrote %s: %d structs" % (CODABLE_OUT, count))


def main():
    structs, enums, nested = parse()
    w = []
    w.append("// Generated by Scripts/generate-model-json-coding.py from Sources/AuthModel; do not edit.")
    w.append("// swiftlint:disable all")
    w.append("import AuthModel")
    w.append("import Foundation")
    w.append("")
    for e in sorted(enums):
        cases = enums[e]
        if not cases:
            sys.exit("no cases found in " + e)
        w.append("extension %s: ModelJSONEnum {" % e)
        w.append("    static let jsonCases = ModelJSONKeys([%s])" % ", ".join('"%s"' % raw for _, raw in cases))
        w.append("    static let jsonValues: [%s] = [%s]" % (e, ", ".join("." + n for n, _ in cases)))
        w.append("}")
        w.append("/// Each enumeration's case tables against its `rawValue` and `allCases` (checked by a test).")
    w.append("let modelJSONEnumChecks: [(name: String, ok: Bool)] = [")
    for e in sorted(enums):
        w.append("    (\"%s\", %s.jsonValues.map(\\.rawValue) == [%s] && Set(%s.allCases) == Set(%s.jsonValues)" % (
            e, e, ", ".join('"%s"' % raw for _, raw in enums[e]), e, e) + " && %s.jsonValues.count == %s.allCases.count)," % (e, e))
    w.append("]")
    w.append("")
    for q in sorted(structs):
        if q in HAND_WRITTEN:
            continue
        s = structs[q]
        props = [(n, qualify(t, q, nested)) for n, t in s["props"]]
        if len(props) > 63:
            sys.exit("too many properties in " + q)
        w.append("extension %s: ModelJSONCodable {" % q)
        w.append("    static let jsonKeys = ModelJSONKeys([%s])" % ", ".join('"%s"' % n for n, _ in props))
        start = placeholder(q, structs, enums, nested) if whole_init(s, props) else None
        if start is not None:
            w.append("    /// Where `readJSON` starts a value (no counted reference: its bytes are copied, see `ModelJSONPrototype`).")
            w.append("    static let jsonStart = ModelJSONPrototype(%s)" % start)
        w.append("")
        write_json(w, props, structs, enums)
        w.append("")
        read_json(w, q, s, props, structs, enums, nested)
        w.append("    }")
        w.append("}")
        w.append("")
    write_enums(w, enums)
    open(OUT, "w").write("\n".join(w))
    write_codable(structs)
    print("wrote %s: %d structs, %d enums (%d cases)" % (OUT, len(structs) - len(HAND_WRITTEN & set(structs)), len(enums), sum(len(c) for c in enums.values())))


main()
