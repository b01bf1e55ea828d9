#include "provider/framework/types/value.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "provider/framework/types/json_dom.h"

namespace tf {

struct Value::Rep {
  enum class State { kKnown, kNull, kUnknown };
  Type type;
  State state = State::kNull;
  bool wholly_known = true;
  // Only unknowns with refinements have them: most values are known, and a
  // Refinements is large to construct and destroy.
  std::unique_ptr<const Refinements> refinements;
  std::string str;
  bool boolean = false;
  Number number;
  std::vector<Value> elements;
  std::map<std::string, Value> entries;
};

using State = Value::Rep::State;

bool Refinements::empty() const {
  return !not_null && !string_prefix && !number_lower && !number_upper &&
         !length_lower && !length_upper;
}

bool Refinements::operator==(const Refinements& other) const {
  return not_null == other.not_null && string_prefix == other.string_prefix &&
         number_lower == other.number_lower &&
         number_upper == other.number_upper &&
         length_lower == other.length_lower &&
         length_upper == other.length_upper;
}

namespace {

std::shared_ptr<Value::Rep> Known(Type type) {
  auto rep = std::make_shared<Value::Rep>();
  rep->type = std::move(type);
  rep->state = State::kKnown;
  return rep;
}

bool AllWhollyKnown(const std::vector<Value>& v) {
  return std::all_of(v.begin(), v.end(),
                     [](const Value& e) { return e.IsWhollyKnown(); });
}

bool AllWhollyKnown(const std::map<std::string, Value>& m) {
  return std::all_of(m.begin(), m.end(), [](const auto& kv) {
    return kv.second.IsWhollyKnown();
  });
}

// An object of `type`, which is the type derived from `attributes`.
std::shared_ptr<Value::Rep> ObjectRep(Type type,
                                      std::map<std::string, Value> attributes) {
  auto rep = Known(std::move(type));
  rep->wholly_known = AllWhollyKnown(attributes);
  rep->entries = std::move(attributes);
  return rep;
}

std::string RefinementsDebug(const Refinements& r) {
  std::vector<std::string> parts;
  if (r.not_null) parts.push_back("not_null");
  if (r.string_prefix) {
    parts.push_back(absl::StrCat("prefix=", types_internal::QuoteJson(*r.string_prefix)));
  }
  if (r.number_lower) {
    parts.push_back(absl::StrCat(r.number_lower->second ? ">=" : ">",
                                 r.number_lower->first.ToString()));
  }
  if (r.number_upper) {
    parts.push_back(absl::StrCat(r.number_upper->second ? "<=" : "<",
                                 r.number_upper->first.ToString()));
  }
  if (r.length_lower) parts.push_back(absl::StrCat("len>=", *r.length_lower));
  if (r.length_upper) parts.push_back(absl::StrCat("len<=", *r.length_upper));
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += ",";
    out += p;
  }
  return out;
}

template <typename T>
int Cmp(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

int CompareOptNumberBound(const std::optional<std::pair<Number, bool>>& a,
                          const std::optional<std::pair<Number, bool>>& b) {
  if (a.has_value() != b.has_value()) return a.has_value() ? 1 : -1;
  if (!a) return 0;
  if (int c = a->first.Compare(b->first); c != 0) return c;
  return Cmp(a->second, b->second);
}

int CompareRefinements(const Refinements& a, const Refinements& b) {
  if (int c = Cmp(a.not_null, b.not_null); c != 0) return c;
  if (int c = Cmp(a.string_prefix, b.string_prefix); c != 0) return c;
  if (int c = CompareOptNumberBound(a.number_lower, b.number_lower); c != 0) return c;
  if (int c = CompareOptNumberBound(a.number_upper, b.number_upper); c != 0) return c;
  if (int c = Cmp(a.length_lower, b.length_lower); c != 0) return c;
  return Cmp(a.length_upper, b.length_upper);
}

// The longest key a std::string holds without allocating (its short-string
// buffer). Not constexpr: libstdc++'s std::string is not constant-evaluable
// under clang.
const size_t kInlineKey = std::string().capacity();

// The entry named `name`: the map's own lookup for names short enough to
// build a key without allocating, a scan of the (sorted) entries otherwise.
std::map<std::string, Value>::const_iterator FindEntry(
    const std::map<std::string, Value>& entries, std::string_view name) {
  if (name.size() <= kInlineKey) return entries.find(std::string(name));
  for (auto it = entries.begin(); it != entries.end(); ++it) {
    int c = std::string_view(it->first).compare(name);
    if (c == 0) return it;
    if (c > 0) break;
  }
  return entries.end();
}

// Whether `type` is the object type Value::Object derives from `attributes`:
// the same names with equal types (equal types usually share one
// representation, so this is mostly pointer comparisons).
bool IsObjectTypeOf(const Type& type,
                    const std::map<std::string, Value>& attributes) {
  if (type.kind() != TypeKind::kObject) return false;
  const std::map<std::string, Type>& types = type.attribute_types();
  if (types.size() != attributes.size()) return false;
  auto t = types.begin();
  for (auto a = attributes.begin(); a != attributes.end(); ++a, ++t) {
    if (a->first != t->first || a->second.type() != t->second) return false;
  }
  return true;
}

}  // namespace

Value::Value() {
  static const std::shared_ptr<const Rep> null_dynamic = [] {
    auto rep = std::make_shared<Rep>();
    rep->type = Type::Dynamic();
    return rep;
  }();
  rep_ = null_dynamic;
}

Value Value::Null(Type type) {
  auto rep = std::make_shared<Rep>();
  rep->type = std::move(type);
  return Value(std::move(rep));
}

Value Value::Unknown(Type type, Refinements refinements) {
  auto rep = std::make_shared<Rep>();
  rep->type = std::move(type);
  rep->state = State::kUnknown;
  rep->wholly_known = false;
  if (!refinements.empty()) {
    rep->refinements =
        std::make_unique<const Refinements>(std::move(refinements));
  }
  return Value(std::move(rep));
}

Value Value::String(std::string s) {
  auto rep = Known(Type::String());
  rep->str = std::move(s);
  return Value(std::move(rep));
}

Value Value::Bool(bool b) {
  auto rep = Known(Type::Bool());
  rep->boolean = b;
  return Value(std::move(rep));
}

Value Value::Num(Number n) {
  auto rep = Known(Type::Number());
  rep->number = std::move(n);
  return Value(std::move(rep));
}

Value Value::Int(int64_t i) { return Num(Number::FromInt(i)); }
Value Value::Float(double d) { return Num(Number::FromDouble(d)); }

Value Value::List(Type element_type, std::vector<Value> elements) {
  auto rep = Known(Type::List(std::move(element_type)));
  rep->wholly_known = AllWhollyKnown(elements);
  rep->elements = std::move(elements);
  return Value(std::move(rep));
}

Value Value::Set(Type element_type, std::vector<Value> elements) {
  std::stable_sort(elements.begin(), elements.end(),
                   [](const Value& a, const Value& b) {
                     return Compare(a, b) < 0;
                   });
  std::vector<Value> unique;
  unique.reserve(elements.size());
  for (Value& e : elements) {
    if (!unique.empty() && e.IsWhollyKnown() &&
        unique.back().IsWhollyKnown() && Compare(unique.back(), e) == 0) {
      continue;
    }
    unique.push_back(std::move(e));
  }
  auto rep = Known(Type::Set(std::move(element_type)));
  rep->wholly_known = AllWhollyKnown(unique);
  rep->elements = std::move(unique);
  return Value(std::move(rep));
}

Value Value::Map(Type element_type, std::map<std::string, Value> elements) {
  auto rep = Known(Type::Map(std::move(element_type)));
  rep->wholly_known = AllWhollyKnown(elements);
  rep->entries = std::move(elements);
  return Value(std::move(rep));
}

Value Value::Object(std::map<std::string, Value> attributes) {
  std::map<std::string, Type> types;
  for (const auto& [name, v] : attributes) types.emplace(name, v.type());
  return Value(
      ObjectRep(Type::Object(std::move(types)), std::move(attributes)));
}

Value Value::Object(std::map<std::string, Value> attributes,
                    const Type& type_hint) {
  if (!IsObjectTypeOf(type_hint, attributes)) {
    return Object(std::move(attributes));
  }
  return Value(ObjectRep(type_hint, std::move(attributes)));
}

Value Value::Tuple(std::vector<Value> elements) {
  std::vector<Type> types;
  types.reserve(elements.size());
  for (const Value& v : elements) types.push_back(v.type());
  auto rep = Known(Type::Tuple(std::move(types)));
  rep->wholly_known = AllWhollyKnown(elements);
  rep->elements = std::move(elements);
  return Value(std::move(rep));
}

const Type& Value::type() const { return rep_->type; }
bool Value::IsNull() const { return rep_->state == State::kNull; }
bool Value::IsKnown() const { return rep_->state != State::kUnknown; }
bool Value::IsWhollyKnown() const { return rep_->wholly_known; }
const Refinements& Value::refinements() const {
  static const Refinements none;
  return rep_->refinements ? *rep_->refinements : none;
}
const std::string& Value::AsString() const { return rep_->str; }
bool Value::AsBool() const { return rep_->boolean; }
const Number& Value::AsNumber() const { return rep_->number; }
const std::vector<Value>& Value::Elements() const { return rep_->elements; }
const std::map<std::string, Value>& Value::Entries() const {
  return rep_->entries;
}

const Value& Value::Attr(std::string_view name) const {
  auto it = FindEntry(rep_->entries, name);
  if (it == rep_->entries.end()) {
    static const Value null_dynamic;
    return null_dynamic;
  }
  return it->second;
}

Value Value::WithAttr(std::string_view name, Value v) const {
  auto it = FindEntry(rep_->entries, name);
  if (it != rep_->entries.end() && it->second.rep_ == v.rep_) return *this;
  std::map<std::string, Value> attrs = rep_->entries;
  attrs.insert_or_assign(std::string(name), std::move(v));
  return Object(std::move(attrs), rep_->type);
}

bool Value::operator==(const Value& other) const {
  return rep_ == other.rep_ || Compare(*this, other) == 0;
}

int Value::Compare(const Value& a, const Value& b) {
  if (a.rep_ == b.rep_) return 0;
  auto state_rank = [](State s) {
    return s == State::kKnown ? 0 : (s == State::kUnknown ? 1 : 2);
  };
  if (int c = Cmp(state_rank(a.rep_->state), state_rank(b.rep_->state)); c != 0) {
    return c;
  }
  if (a.type() != b.type()) return Cmp(a.type().ToJson(), b.type().ToJson());
  if (a.IsNull()) return 0;
  if (!a.IsKnown()) return CompareRefinements(a.refinements(), b.refinements());
  switch (a.type().kind()) {
    case TypeKind::kString:
      return Cmp(a.AsString(), b.AsString());
    case TypeKind::kBool:
      return Cmp(a.AsBool(), b.AsBool());
    case TypeKind::kNumber:
      return a.AsNumber().Compare(b.AsNumber());
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kTuple: {
      const auto& ea = a.Elements();
      const auto& eb = b.Elements();
      for (size_t i = 0; i < ea.size() && i < eb.size(); ++i) {
        if (int c = Compare(ea[i], eb[i]); c != 0) return c;
      }
      return Cmp(ea.size(), eb.size());
    }
    case TypeKind::kMap:
    case TypeKind::kObject: {
      const auto& ea = a.Entries();
      const auto& eb = b.Entries();
      auto ia = ea.begin();
      auto ib = eb.begin();
      for (; ia != ea.end() && ib != eb.end(); ++ia, ++ib) {
        if (int c = Cmp(ia->first, ib->first); c != 0) return c;
        if (int c = Compare(ia->second, ib->second); c != 0) return c;
      }
      return Cmp(ea.size(), eb.size());
    }
    case TypeKind::kDynamic:
      return 0;
  }
  return 0;
}

std::string Value::DebugString() const {
  if (IsNull()) return "null";
  if (!IsKnown()) {
    std::string r = RefinementsDebug(refinements());
    return r.empty() ? "unknown" : absl::StrCat("unknown(", r, ")");
  }
  switch (type().kind()) {
    case TypeKind::kString:
      return types_internal::QuoteJson(AsString());
    case TypeKind::kBool:
      return AsBool() ? "true" : "false";
    case TypeKind::kNumber:
      return AsNumber().ToString();
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kTuple: {
      std::string out = type().kind() == TypeKind::kSet ? "set[" : "[";
      bool first = true;
      for (const Value& e : Elements()) {
        if (!first) out += ", ";
        first = false;
        out += e.DebugString();
      }
      return out + "]";
    }
    case TypeKind::kMap:
    case TypeKind::kObject: {
      bool is_map = type().kind() == TypeKind::kMap;
      std::string out = is_map ? "map{" : "{";
      bool first = true;
      for (const auto& [k, v] : Entries()) {
        if (!first) out += ", ";
        first = false;
        absl::StrAppend(&out, is_map ? types_internal::QuoteJson(k) : k, " = ",
                        v.DebugString());
      }
      return out + "}";
    }
    case TypeKind::kDynamic:
      return "dynamic";
  }
  return "?";
}

Value NullAttributes(const Type& object_type) {
  if (object_type.kind() != TypeKind::kObject) return Value();
  std::map<std::string, Value> attrs;
  for (const auto& [name, t] : object_type.attribute_types()) {
    attrs.emplace(name, Value::Null(t));
  }
  return Value::Object(std::move(attrs), object_type);
}

}  // namespace tf
