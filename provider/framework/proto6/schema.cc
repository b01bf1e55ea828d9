#include "provider/framework/proto6/schema.h"

namespace tf::proto6 {

void AttributeToProto(const Attribute& a, tfplugin6::Schema::Attribute* out) {
  out->Clear();
  out->set_name(a.name);
  out->set_type(a.type.ToJson());
  out->set_description(a.description);
  out->set_description_kind(tfplugin6::MARKDOWN);
  out->set_required(a.presence == Presence::kRequired);
  out->set_optional(a.presence == Presence::kOptional ||
                    a.presence == Presence::kOptionalComputed);
  out->set_computed(a.presence == Presence::kComputed ||
                    a.presence == Presence::kOptionalComputed);
  out->set_sensitive(a.sensitive);
  out->set_deprecated(!a.deprecation_message.empty());
  out->set_write_only(a.write_only);
}

void BlockToProto(const Block& block, int64_t version,
                  tfplugin6::Schema::Block* out) {
  out->Clear();
  out->set_version(version);
  out->set_description(block.description);
  out->set_description_kind(tfplugin6::MARKDOWN);
  out->set_deprecated(!block.deprecation_message.empty());
  for (const Attribute& a : block.attributes) {
    AttributeToProto(a, out->add_attributes());
  }
  for (const NestedBlock& nb : block.blocks) {
    auto* b = out->add_block_types();
    b->set_type_name(nb.type_name);
    BlockToProto(nb.block, version, b->mutable_block());
    switch (nb.nesting) {
      case Nesting::kSingle:
        b->set_nesting(tfplugin6::Schema::NestedBlock::SINGLE);
        break;
      case Nesting::kList:
        b->set_nesting(tfplugin6::Schema::NestedBlock::LIST);
        break;
      case Nesting::kSet:
        b->set_nesting(tfplugin6::Schema::NestedBlock::SET);
        break;
    }
    b->set_min_items(nb.min_items);
    b->set_max_items(nb.max_items);
  }
}

namespace {

void ParameterToProto(const FunctionParameter& p,
                      tfplugin6::Function::Parameter* out) {
  out->set_name(p.name);
  out->set_type(p.type.ToJson());
  out->set_allow_null_value(p.allow_null_value);
  out->set_allow_unknown_values(p.allow_unknown_values);
  out->set_description(p.description);
  out->set_description_kind(tfplugin6::MARKDOWN);
}

}  // namespace

void FunctionToProto(const FunctionDefinition& def, tfplugin6::Function* out) {
  out->Clear();
  for (const FunctionParameter& p : def.parameters) {
    ParameterToProto(p, out->add_parameters());
  }
  if (def.variadic_parameter.has_value()) {
    ParameterToProto(*def.variadic_parameter,
                     out->mutable_variadic_parameter());
  }
  out->mutable_return_()->set_type(def.return_type.ToJson());
  out->set_summary(def.summary);
  out->set_description(def.description);
  out->set_description_kind(tfplugin6::MARKDOWN);
  out->set_deprecation_message(def.deprecation_message);
}

void IdentitySchemaToProto(const IdentitySchema& schema,
                           tfplugin6::ResourceIdentitySchema* out) {
  out->Clear();
  out->set_version(schema.version);
  for (const IdentityAttribute& a : schema.attributes) {
    auto* attr = out->add_identity_attributes();
    attr->set_name(a.name);
    attr->set_type(a.type.ToJson());
    attr->set_required_for_import(a.required_for_import);
    attr->set_optional_for_import(a.optional_for_import);
    attr->set_description(a.description);
  }
}

void SchemaToProto(const Schema& schema, tfplugin6::Schema* out) {
  out->Clear();
  out->set_version(schema.version);
  BlockToProto(schema.block, schema.version, out->mutable_block());
}

}  // namespace tf::proto6
