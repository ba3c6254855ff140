using System.ComponentModel.DataAnnotations;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Grains;
using Will.Marketplace.Optimisation;
using Will.Marketplace.Infrastructure;

namespace Will.Marketplace.Web.Hosting;

/// <summary>Section "Orleans": the silo hosted inside the web process.</summary>
public sealed class OrleansHostOptions
{
    public const string Section = "Orleans";

    [Required]
    public string ClusterId { get; set; } = "will-dev";

    [Required]
    public string ServiceId { get; set; } = "will-marketplace";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;
}

public static class OrleansExtensions
{
    public static WebApplicationBuilder AddMarketplaceOrleans(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(OrleansHostOptions.Section);
        var options = section.Get<OrleansHostOptions>() ?? new OrleansHostOptions();
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new InvalidOperationException("Invalid Orleans settings: " + string.Join(" ", problems.Select(p => $"Orleans:{p.MemberNames.FirstOrDefault()}: {p.ErrorMessage}")));
        }

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            silo.Services.AddMarketplaceGrainServices();
            silo.Services.AddMarketplaceReminders();
            silo.Services.AddSingleton<ISetPackingSolver, CpSatSetPackingSolver>();
            silo.Services.AddHealthChecks().AddSiloCheck();

            // Grain calls carry the caller's trace; spans are made only while something listens (telemetry exported, docs/decisions.md).
            silo.AddActivityPropagation();
        });
        return builder;
    }
}
