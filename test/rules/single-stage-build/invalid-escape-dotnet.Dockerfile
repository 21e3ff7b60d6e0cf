# escape=`
FROM mcr.microsoft.com/dotnet/sdk:6.0.420-jammy
WORKDIR /build
COPY . .
RUN dotnet restore `
    && dotnet publish Worker.csproj `
       -c Release -o out
ENTRYPOINT ["dotnet", "out/Worker.dll"]
