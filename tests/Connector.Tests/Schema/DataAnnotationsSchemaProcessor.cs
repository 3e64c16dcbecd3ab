using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization;
using NJsonSchema.Generation;

namespace Connector.Tests.Schema;

/// <summary>
/// Fills the gaps NJsonSchema leaves when reading a config type's data annotations (it already maps <c>[Display(Name,
/// Description)]</c>, <c>[Url]</c>, <c>[RegularExpression]</c>, <c>[DefaultValue]</c> and <c>[JsonSchemaExtensionData]</c>):
/// <c>[Display(Prompt)]</c> → <c>x-placeholder</c>, <c>[DataType(Password)]</c> → <c>writeOnly: true</c>,
/// <c>[DataType(MultilineText)]</c> → <c>x-multiline: true</c>, <c>[AllowedValues]</c> → <c>enum</c>.
/// </summary>
internal sealed class DataAnnotationsSchemaProcessor : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        foreach (var member in context.ContextualType.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = member.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? member.Name;
            if (!context.Schema.Properties.TryGetValue(name, out var property))
            {
                continue;
            }

            if (member.GetCustomAttribute<DisplayAttribute>()?.Prompt is { } prompt)
            {
                property.ExtensionData ??= new Dictionary<string, object?>();
                property.ExtensionData["x-placeholder"] = prompt;
            }

            switch (member.GetCustomAttribute<DataTypeAttribute>()?.DataType)
            {
                case DataType.Password:
                    property.ExtensionData ??= new Dictionary<string, object?>();
                    property.ExtensionData["writeOnly"] = true;
                    break;
                case DataType.MultilineText:
                    property.ExtensionData ??= new Dictionary<string, object?>();
                    property.ExtensionData["x-multiline"] = true;
                    break;
            }

            if (member.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed)
            {
                foreach (var value in allowed.Values)
                {
                    property.Enumeration.Add(value);
                }
            }
        }
    }
}
