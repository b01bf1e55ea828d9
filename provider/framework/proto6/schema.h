// schema.h: tf::Schema -> tfplugin6.Schema, FunctionDefinition ->
// tfplugin6.Function and IdentitySchema -> tfplugin6.ResourceIdentitySchema
// (one way: the CLI never sends schemas). Types go as cty type JSON,
// descriptions as markdown.
//   SchemaToProto(resource_schema, &(*resp->mutable_resource_schemas())[name]);
#pragma once

#include "provider/framework/schema/schema.h"
#include "provider/framework/sdk/function.h"
#include "provider/framework/sdk/identity.h"
#include "tfplugin6.pb.h"

namespace tf::proto6 {

void SchemaToProto(const Schema& schema, tfplugin6::Schema* out);
void BlockToProto(const Block& block, int64_t version,
                  tfplugin6::Schema::Block* out);
void AttributeToProto(const Attribute& attribute,
                      tfplugin6::Schema::Attribute* out);
void FunctionToProto(const FunctionDefinition& definition,
                     tfplugin6::Function* out);
void IdentitySchemaToProto(const IdentitySchema& schema,
                           tfplugin6::ResourceIdentitySchema* out);

}  // namespace tf::proto6
