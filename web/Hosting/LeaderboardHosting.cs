using System.Text.Encodings.Web;
using System.Text.Unicode;
using Leaderboard.Domain.Catalogue;
using Leaderboard.Domain.Events;
using Leaderboard.Grains.Hosting;
using Leaderboard.Grains.Organisation;
using Leaderboard.Web.Api;
using Leaderboard.Web.Demo;
using Leaderboard.Web.Hubs;
using Leaderboard.Web.Ingestion;
using Leaderboard.Web.Keys;
using Leaderboard.Web.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Leaderboard.Web.Hosting;

/// <summary>Wiring of a web node: a co-hosted Orleans silo, storage, ingestion, the read API, the hub and the pages.</summary>
public static class LeaderboardHosting
{
    /// <summary>How often the hub pings a client that hears nothing else: a third of the pages' 15 s server timeout.</summary>
    public static readonly TimeSpan HubKeepAlive = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddLeaderboard(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        SettingValues.Check<LeaderboardOptions>(configuration, LeaderboardOptions.Section);
        SettingValues.Check<DemoOptions>(configuration, DemoOptions.Section);
        SettingValues.Check<ViewerOptions>(configuration, ViewerOptions.Section);
        SettingValues.Check<RateLimitOptions>(configuration, RateLimitOptions.Section);
        var options = configuration.GetSection(LeaderboardOptions.Section).Get<LeaderboardOptions>() ?? new LeaderboardOptions();
        var connectionString = configuration.GetConnectionString("Leaderboard");
        var embedded = string.IsNullOrWhiteSpace(connectionString);

        var adminKey = !string.IsNullOrWhiteSpace(options.AdminKey)
            ? new AdminKey(options.AdminKey, Generated: false)
            : embedded
                ? AdminKey.Generate()
                : throw new OptionsValidationException(LeaderboardOptions.Section, typeof(LeaderboardOptions), ["Leaderboard:AdminKey là bắt buộc khi dùng PostgreSQL (ConnectionStrings:Leaderboard)."]);

        if (!adminKey.Generated && adminKey.Value.Length < AdminKey.MinimumLength)
        {
            throw new OptionsValidationException(LeaderboardOptions.Section, typeof(LeaderboardOptions), [$"Leaderboard:AdminKey quá ngắn ({adminKey.Value.Length} ký tự): cần ít nhất {AdminKey.MinimumLength}, ví dụ một khóa ngẫu nhiên tạo bằng: openssl rand -hex 24."]);
        }

        services.AddSingleton(adminKey);
        services.TryAddTimeProvider();
        services.AddOptions<LeaderboardOptions>().BindConfiguration(LeaderboardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddSingleton<ApiKeys>();
        services.AddOptions<ViewerOptions>().BindConfiguration(ViewerOptions.Section).ValidateOnStart();
        services.AddOptions<CorsOriginsOptions>().BindConfiguration(CorsOriginsOptions.Section)
            .Validate(o => o.OriginsAreValid(), "Leaderboard:Cors:Origins: mỗi mục phải là một origin http(s) đầy đủ, không có đường dẫn (https://host[:port]).")
            .ValidateOnStart();
        services.AddKeyRateLimiting();

        // The catalogue can be replaced at run time (admin API, or another node): what a request resolves is the one
        // in force when it starts.
        services.AddTransient(sp => sp.GetRequiredService<CatalogueHolder>().Current);
        services.AddTransient(sp => new EventParser(sp.GetRequiredService<Catalogue>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<EventIngestion>();
        services.AddSingleton<Readiness>();
        services.AddSingleton<CatalogueAdmin>();

        // Storage first: migrations must be in place before the silo's clustering and storage providers start.
        services.AddLeaderboardStorage(configuration, connectionString, options.DataPath);
        builder.UseOrleans(silo =>
        {
            silo.UseLeaderboardClustering(configuration, connectionString);
            silo.AddLeaderboardGrains(connectionString);
        });

        // Keys after storage: the key table is one of the migrations.
        if (embedded)
        {
            services.AddSingleton<IKeyStore, InMemoryKeyStore>();
        }
        else
        {
            services.AddSingleton<IKeyStore, PostgresKeyStore>();
        }

        services.AddSingleton<KeyRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<KeyRefresher>());

        services.AddHostedService<StartupReplay>();
        services.AddSingleton<HubAudience>();
        services.AddSingleton<GrainObserverBridge>();
        services.AddHostedService(sp => sp.GetRequiredService<GrainObserverBridge>());
        services.AddHostedService<StartupBanner>();
        var demo = configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        if (demo.Enabled ?? embedded)
        {
            services.AddHostedService<DemoFeed>();
        }

        services.AddExceptionHandler<TransientFailureHandler>();
        services.AddProblemDetails();
        services.AddOpenApi(ApiDocumentation.Configure);
        var cors = configuration.GetSection(CorsOriginsOptions.Section).Get<CorsOriginsOptions>() ?? new CorsOriginsOptions();
        services.AddCors(o => o.AddDefaultPolicy(p => p
            .WithOrigins([.. cors.Origins])
            .WithMethods("GET", "POST", "DELETE")
            .WithHeaders("Authorization", "Content-Type")
            .WithExposedHeaders("Retry-After", "Location")));
        services.AddSingleton<ViewerHubFilter>();
        services.AddAccessTokenRedaction("/hubs");
        services.AddSignalR(o =>
            {
                o.AddFilter<ViewerHubFilter>();

                // The pages give up on a silent server after 15 s (live.js: a pulled cable shows as red soon); the
                // default keep-alive of 15 s raced that, and a quiet board's page blinked "reconnecting" every 15 s.
                o.KeepAliveInterval = HubKeepAlive;
            })
            .AddJsonProtocol(o =>
            {
                o.PayloadSerializerOptions.Converters.Add(new NormalizedDecimalConverter());

                // Vietnamese letters go out as UTF-8, not as \uXXXX escapes (a third of the bytes of a name); HTML's
                // special characters are still escaped. Every BoardChanged reaches every subscriber of its board.
                o.PayloadSerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            });

        // The hosting diagnostics' request lines include the query string, where a viewer key (?key=) or SignalR's
        // access_token can travel: keep them out of every log sink. (HttpLogging can log requests without them.)
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new NormalizedDecimalConverter());
            // Numbers are numbers: the web defaults also read them from strings, and the OpenAPI document then typed
            // every count as "integer or string", which client generators turned into union types.
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        return builder;
    }

    public static WebApplication MapLeaderboard(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();

        // Closed by default: with no origins configured the CORS middleware is not there at all, so no answer
        // carries Access-Control-Allow-Origin and browsers keep other sites' pages from reading the API.
        if (app.Services.GetRequiredService<IOptions<CorsOriginsOptions>>().Value.Origins.Count > 0)
        {
            app.UseCors();
        }

        app.UseRateLimiter();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapEventsApi();
        app.MapAdminApi();
        app.MapCampaignsApi();
        app.MapAdminCatalogueApi();
        app.MapHealthApi();
        app.MapPages();
        app.MapHub<LeaderboardHub>("/hubs/leaderboard");
        return app;
    }
}
