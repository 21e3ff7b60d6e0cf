# escape=`
FROM mcr.microsoft.com/dotnet/sdk:6.0.420-jammy AS build
WORKDIR /build
COPY . .
RUN dotnet restore `
    && dotnet publish Worker.csproj `
       -c Release -o out

FROM mcr.microsoft.com/dotnet/runtime:6.0-jammy
RUN groupadd --system app && useradd --system --gid app --no-create-home app
WORKDIR /build
COPY --from=build /build/out /build/out
USER app
ENTRYPOINT ["dotnet", "out/Worker.dll"]
