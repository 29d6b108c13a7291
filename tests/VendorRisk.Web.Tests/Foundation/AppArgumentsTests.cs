using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Web.Tests.Foundation;

public sealed class AppArgumentsTests
{
    private static readonly string[] NoSetting = ["PATH", "HOME", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS"];

    [Fact]
    public void The_demo_switch_becomes_a_setting_and_settings_files_are_read_once()
    {
        var args = AppArguments.Normalize(["--demo", "--urls=http://127.0.0.1:5080"], NoSetting);
        Assert.Equal(["--VendorRisk:Demo=true", "--urls=http://127.0.0.1:5080", "--hostBuilder:reloadConfigOnChange=false"], args);
    }

    [Theory]
    [InlineData("DOTNET_hostBuilder__reloadConfigOnChange")]
    [InlineData("dotnet_HOSTBUILDER__RELOADCONFIGONCHANGE")]
    [InlineData("ASPNETCORE_hostBuilder__reloadConfigOnChange")]
    public void An_operator_who_sets_reloading_in_the_environment_keeps_that_choice(string variable)
    {
        var args = AppArguments.Normalize([], [.. NoSetting, variable]);
        Assert.Empty(args);
    }

    [Fact]
    public void An_operator_who_sets_reloading_on_the_command_line_keeps_that_choice()
    {
        var args = AppArguments.Normalize(["--hostBuilder:reloadConfigOnChange=true"], NoSetting);
        Assert.Equal(["--hostBuilder:reloadConfigOnChange=true"], args);
    }
}
