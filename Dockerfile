# syntax=docker/dockerfile:1
# Build: restore from the project files first (a cached layer), then publish without restoring again.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/VendorRisk.Domain/VendorRisk.Domain.csproj src/VendorRisk.Domain/
COPY src/VendorRisk.Data/VendorRisk.Data.csproj src/VendorRisk.Data/
COPY src/VendorRisk.Data.Postgres/VendorRisk.Data.Postgres.csproj src/VendorRisk.Data.Postgres/
COPY src/VendorRisk.Reports/VendorRisk.Reports.csproj src/VendorRisk.Reports/
COPY src/VendorRisk.Web/VendorRisk.Web.csproj src/VendorRisk.Web/
RUN dotnet restore src/VendorRisk.Web/VendorRisk.Web.csproj
COPY src/ src/
COPY seed-data/ seed-data/
COPY schemas/ schemas/
RUN dotnet publish src/VendorRisk.Web/VendorRisk.Web.csproj -c Release -o /app --no-restore

# Run: the ASP.NET runtime image, fonts for PDF rendering (SkiaSharp finds them through fontconfig).
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core fonts-noto-cjk fonts-wqy-zenhei \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /data && chown "$APP_UID" /data
# AllowedHosts: the host names the app answers to (others get 400); set it to your site's name with -e AllowedHosts=….
# Logs as one JSON object per line, with the request's trace id (the scope) in every line logged for a request.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__VendorRisk="Data Source=/data/vendorrisk.db" \
    AllowedHosts="localhost;127.0.0.1" \
    Logging__Console__FormatterName=json \
    Logging__Console__FormatterOptions__IncludeScopes=true \
    Logging__Console__FormatterOptions__UseUtcTimestamp=true \
    Logging__Console__FormatterOptions__TimestampFormat="yyyy-MM-ddTHH:mm:ss.fffZ"
VOLUME ["/data"]
EXPOSE 8080
USER $APP_UID
# The runtime image has no curl: the app checks its own /health.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["dotnet", "VendorRisk.Web.dll", "health"]
ENTRYPOINT ["dotnet", "VendorRisk.Web.dll"]
