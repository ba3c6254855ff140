using Will.Marketplace.Web.Apis;
using Will.Marketplace.Web.Hosting;
using Will.Marketplace.Web.Live;

var builder = WebApplication.CreateBuilder(args);

builder.AddMarketplaceDefaults();
builder.AddMarketplaceTelemetry();
builder.AddMarketplaceSecurity();
builder.AddMarketplaceData();
builder.AddMarketplaceIdentity();
builder.AddSessionValidation();
builder.AddMarketplaceAudit();
builder.AddMarketplaceOrleans();
builder.AddMarketplaceBilling();
builder.AddMarketplaceLive();
builder.AddMarketplaceDemoData();

var app = builder.Build();

app.UseMarketplaceDefaults();
app.MapAccountApi();
app.MapExternalLoginApi();
app.MapPersonalDataApi();
app.MapErasureApi();
app.MapTwoFactorApi();
app.MapReferenceDataApi();
app.MapRequestsApi();
app.MapPoolsApi();
app.MapBidsApi();
app.MapProvidersApi();
app.MapOrdersApi();
app.MapCalendarApi();
app.MapPoolMessagesApi();
app.MapNetworkFiguresApi();
app.MapOutcomesApi();
app.MapOpenDataApi();
app.MapAwardWeightsApi();
app.MapAuditApi();
app.MapResidentsApi();
app.MapSubsidiesApi();
app.MapIseeApi();
app.MapBillingApi();
app.MapPaymentsApi();
app.MapPaymentSetupApi();
app.MapStripeWebhookApi();
app.MapLiveHub();
app.MapMarketplaceHealthChecks();
app.MapWebApp();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
